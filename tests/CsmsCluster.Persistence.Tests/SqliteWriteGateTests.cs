using CsmsCluster.Grains;

namespace CsmsCluster.Persistence.Tests;

/// <summary>
/// SQLite has one writer at a time: this process's writers take turns on an in-process queue instead of meeting in
/// SQLite's busy handler, while readers are never held up by a writer.
/// </summary>
public sealed class SqliteWriteGateTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SecondWriter_WaitsUntilTheFirstIsDisposed_ReaderDoesNot()
    {
        await using var storage = await TestStorage.CreateAsync(StorageOptions.SqliteProvider);
        var database = storage.Get<StorageDatabase>();

        var first = await database.OpenWriteConnectionAsync(Ct);
        var second = database.OpenWriteConnectionAsync(Ct).AsTask();
        await using (var reader = await database.OpenConnectionAsync(Ct))
        {
            await using var count = reader.CreateCommand("SELECT count(*) FROM grain_state");
            Assert.Equal(0L, await count.ExecuteScalarAsync(Ct));
        }

        // The reader has run to the end while the second writer's wait, which only a release can complete, is pending.
        Assert.False(second.IsCompleted);

        await first.DisposeAsync();
        await using var next = await second.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal(System.Data.ConnectionState.Open, next.State);
    }

    [Fact]
    public async Task FailedOpen_DoesNotKeepTheTurn()
    {
        await using var storage = await TestStorage.CreateAsync(StorageOptions.SqliteProvider);
        var database = storage.Get<StorageDatabase>();
        using var cancelled = new CancellationTokenSource();
        await using (await database.OpenWriteConnectionAsync(Ct))
        {
            var waiting = database.OpenWriteConnectionAsync(cancelled.Token).AsTask();
            await cancelled.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        }

        await using var after = await database.OpenWriteConnectionAsync(Ct).AsTask().WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal(System.Data.ConnectionState.Open, after.State);
    }

    [Fact]
    public async Task ManyConcurrentGrainWrites_AllLand_WithoutABusyTimeout()
    {
        // A busy timeout of zero: a writer that met another inside SQLite would get SQLITE_BUSY at once and fall into
        // the driver's own retry (150 ms sleeps). Queued on the gate, none of them ever meets another.
        await using var storage = await TestStorage.CreateAsync(StorageOptions.SqliteProvider, o => o.SqliteBusyTimeout = TimeSpan.Zero);
        var grains = storage.Get<IGrainStorage>();
        var ids = Enumerable.Range(0, 200).Select(i => new GrainId("charge-point", $"CP-GATE-{i}")).ToArray();

        var written = await Task.WhenAll(ids.Select(id => Task.Run(async () =>
        {
            var claimed = await grains.ClaimAsync(id, Ct);
            var version = claimed.Version;
            for (var n = 0; n < 5; n++)
            {
                version = await grains.WriteAsync(id, new[] { (byte)n }, version, Ct);
            }

            return version;
        }, Ct)));

        Assert.All(written, v => Assert.Equal(6, v));
        Assert.Equal(200, await storage.ScalarAsync("SELECT count(*) FROM grain_state WHERE version = 6"));
    }
}
