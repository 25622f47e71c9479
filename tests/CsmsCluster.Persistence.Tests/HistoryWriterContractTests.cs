using System.Data.Common;

namespace CsmsCluster.Persistence.Tests;

/// <summary>Group commit, graceful drain, back-pressure and failure reporting of the history writer.</summary>
public sealed class HistoryWriterContractTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static TransactionStarted Started(int id) => new(id, "CP-W", 1, "TAG-W", T0.AddSeconds(id), id, null);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Stop_DrainsEverythingEnqueuedBeforeReturning(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var writer = storage.Get<HistoryWriter>();
        await writer.StartAsync(Ct);
        const int Count = 2_000;

        // Not awaited: all are queued (or being written) when the stop begins.
        var pending = Enumerable.Range(1, Count)
            .Select(id => id % 2 == 0
                ? writer.RecordTransactionStartedAsync(Started(id), Ct).AsTask()
                : writer.RecordMeterValuesAsync([new("CP-W", 1, id, T0.AddSeconds(id), "[]")], Ct).AsTask())
            .ToList();
        await writer.StopAsync(Ct);

        // Committed when Stop returns; the callers' continuations then run on the thread pool and all succeed.
        Assert.Equal(Count / 2, await storage.ScalarAsync("SELECT count(*) FROM transactions"));
        Assert.Equal(Count / 2, await storage.ScalarAsync("SELECT count(*) FROM meter_values"));
        await Task.WhenAll(pending).WaitAsync(TimeSpan.FromSeconds(30), Ct);
        var late = await Assert.ThrowsAsync<InvalidOperationException>(
            () => writer.RecordTransactionStartedAsync(Started(Count + 1), Ct).AsTask());
        Assert.Contains("history writer has stopped", late.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task FullQueue_MakesProducersWait_AndLosesNothing(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider, o => o.HistoryQueueCapacity = 2);
        var writer = storage.Get<HistoryWriter>();

        // The writer is not running yet: two entries fill the queue, the other producers must wait outside it.
        var pending = Enumerable.Range(1, 10).Select(id => writer.RecordTransactionStartedAsync(Started(id), Ct).AsTask()).ToList();

        Assert.Equal(2, writer.QueuedCount);
        Assert.All(pending, task => Assert.False(task.IsCompleted, "nothing is acknowledged before it is written"));

        await writer.StartAsync(Ct);
        await Task.WhenAll(pending).WaitAsync(TimeSpan.FromSeconds(30), Ct);

        Assert.Equal(10, await storage.ScalarAsync("SELECT count(*) FROM transactions"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task FailedWrite_IsReportedToItsCaller_AndTheWriterKeepsGoing(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var writer = storage.Get<HistoryWriter>();
        await storage.ExecuteAsync("DROP TABLE meter_values");

        // Queued before the writer starts, so both land in one batch: the meter values fail, the start must not.
        var failing = writer.RecordMeterValuesAsync([new("CP-F", 1, 1, T0, "[]")], Ct).AsTask();
        var healthy = writer.RecordTransactionStartedAsync(Started(1), Ct).AsTask();
        await writer.StartAsync(Ct);

        await Assert.ThrowsAnyAsync<DbException>(() => failing);
        await healthy;
        await Assert.ThrowsAnyAsync<DbException>(() => writer.RecordMeterValuesAsync([new("CP-F", 1, 1, T0, "[]")], Ct).AsTask());
        await writer.RecordTransactionStartedAsync(Started(2), Ct);
        Assert.Equal(2, await storage.ScalarAsync("SELECT count(*) FROM transactions"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ConcurrentProducers_AreGroupCommittedAndAllDurableWhenAcknowledged(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var writer = storage.Get<HistoryWriter>();
        await writer.StartAsync(Ct);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(producer => Task.Run(async () =>
        {
            for (var i = 0; i < 100; i++)
            {
                await writer.RecordMeterValuesAsync(
                    [new($"CP-G-{producer}", 1, producer, T0.AddSeconds(i), $$"""[{"value":"{{i}}"}]""")], Ct);
            }
        }, Ct)));

        Assert.Equal(800, await storage.ScalarAsync("SELECT count(*) FROM meter_values"));
    }
}
