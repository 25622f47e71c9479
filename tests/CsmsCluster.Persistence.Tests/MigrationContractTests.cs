namespace CsmsCluster.Persistence.Tests;

/// <summary>Schema migrations: versioned, applied once, safe when several nodes start together.</summary>
public sealed class MigrationContractTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static int ScriptCount(string provider) => Migration.Load(provider).Count;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Migrate_RecordsEveryScriptVersionOnce(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);

        Assert.True(ScriptCount(provider) >= 5);
        Assert.Equal(ScriptCount(provider), await storage.ScalarAsync("SELECT count(*) FROM schema_version"));
        Assert.Equal(ScriptCount(provider), await storage.ScalarAsync("SELECT max(version) FROM schema_version"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Migrate_RunTwiceBySeparateNodes_IsNoOp(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var appliedAt = await storage.ScalarAsync(
            storage.IsSqlite ? "SELECT sum(applied_at) FROM schema_version" : "SELECT sum(extract(epoch FROM applied_at) * 1000000)::bigint FROM schema_version");

        await storage.Get<IDatabaseMigrator>().MigrateAsync(Ct);
        await storage.AddNode().GetRequiredService<IDatabaseMigrator>().MigrateAsync(Ct);

        Assert.Equal(ScriptCount(provider), await storage.ScalarAsync("SELECT count(*) FROM schema_version"));
        Assert.Equal(appliedAt, await storage.ScalarAsync(
            storage.IsSqlite ? "SELECT sum(applied_at) FROM schema_version" : "SELECT sum(extract(epoch FROM applied_at) * 1000000)::bigint FROM schema_version"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Migrate_ConcurrentlyFromFourNodes_AppliesEachMigrationExactlyOnce(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider, migrate: false);
        var migrators = Enumerable.Range(0, 4).Select(_ => storage.AddNode().GetRequiredService<IDatabaseMigrator>()).ToList();

        await Task.WhenAll(migrators.Select(m => Task.Run(() => m.MigrateAsync(Ct), Ct)));

        Assert.Equal(ScriptCount(provider), await storage.ScalarAsync("SELECT count(*) FROM schema_version"));
        Assert.Equal(ScriptCount(provider), await storage.ScalarAsync("SELECT count(DISTINCT version) FROM schema_version"));
        var claimed = await storage.Get<Grains.IGrainStorage>().ClaimAsync(new("charge-point", "CP-MIG"), Ct);
        Assert.Equal(1, claimed.Version);
    }

    [Fact]
    public async Task Migrate_OnSqlite_EnablesWriteAheadLogging()
    {
        await using var storage = await TestStorage.CreateAsync(StorageOptions.SqliteProvider);
        await using var connection = await storage.Get<StorageDatabase>().OpenConnectionAsync(Ct);
        await using var command = connection.CreateCommand("PRAGMA journal_mode");

        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync(Ct));
    }
}
