using CsmsCluster.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CsmsCluster.Persistence.Tests;

/// <summary>Configuration, validation, DI wiring and host lifecycle of the persistence layer.</summary>
public sealed class StorageRegistrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StorageOptions Resolve(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddLogging().AddCsmsPersistence(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<StorageOptions>>().Value;
    }

    [Fact]
    public void Defaults_AreSqliteUnderDataDirectory()
    {
        var options = Resolve([]);

        Assert.Equal("sqlite", options.Provider);
        Assert.Equal("Data Source=./data/csms.db", options.EffectiveConnectionString);
        Assert.Equal("csms", options.ServiceId);
    }

    [Fact]
    public void Configuration_IsBoundFromCsmsStorageSection()
    {
        var options = Resolve(new()
        {
            ["Csms:Storage:Provider"] = "Postgres",
            ["Csms:Storage:ConnectionString"] = "Host=db;Database=csms",
            ["Csms:Storage:ServiceId"] = "fleet-1",
        });

        Assert.Equal(("Postgres", "Host=db;Database=csms", "fleet-1"), (options.Provider, options.EffectiveConnectionString, options.ServiceId));
    }

    [Fact]
    public void UnknownProvider_FailsWithMessageNamingTheKey()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new() { ["Csms:Storage:Provider"] = "mysql" }));

        Assert.Contains("Csms:Storage:Provider 'mysql' is not supported", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PostgresWithoutConnectionString_FailsWithMessageNamingTheKey()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new() { ["Csms:Storage:Provider"] = "postgres" }));

        Assert.Contains("Csms:Storage:ConnectionString is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SqliteFileInMissingDirectory_CreatesTheDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "csms-tests", Guid.NewGuid().ToString("N"), "nested");
        try
        {
            await using var services = new ServiceCollection().AddLogging()
                .AddCsmsPersistence(o => o.ConnectionString = $"Data Source={directory}/csms.db").BuildServiceProvider();

            await services.GetRequiredService<IDatabaseMigrator>().MigrateAsync(Ct);

            Assert.True(File.Exists(Path.Combine(directory, "csms.db")));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(Path.GetDirectoryName(directory)!, recursive: true);
        }
    }

    [Fact]
    public async Task Health_IsTrueForReachableAndFalseForUnreachableDatabase()
    {
        await using var storage = await TestStorage.CreateAsync(StorageOptions.SqliteProvider);
        await using var unreachable = new ServiceCollection().AddLogging()
            .AddCsmsPersistence(o => (o.Provider, o.ConnectionString) = ("postgres", "Host=127.0.0.1;Port=1;Timeout=5"))
            .BuildServiceProvider();

        Assert.True(await storage.Get<IStorageHealth>().CheckAsync(Ct));
        Assert.False(await unreachable.GetRequiredService<IStorageHealth>().CheckAsync(Ct));
    }

    [Fact]
    public async Task Host_MigratesBeforeOtherHostedServicesStart_AndDrainsHistoryOnStop()
    {
        await using var database = new TempSqliteDatabase();
        var probe = new SchemaProbe();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton<IHostedService>(probe); // registered before persistence on purpose
        builder.Services.AddCsmsPersistence(o => o.ConnectionString = database.ConnectionString);
        using var host = builder.Build();
        probe.Services = host.Services;

        await host.StartAsync(Ct);
        Assert.IsType<DatabaseMigrationHostedService>(host.Services.GetServices<IHostedService>().First());
        Assert.True(probe.SchemaExistedAtStart, "the schema must exist before any other hosted service starts");
        var writer = host.Services.GetRequiredService<IHistoryWriter>();
        var pending = writer.RecordTransactionStartedAsync(new(1, "CP-HOST", 1, "T", DateTimeOffset.UnixEpoch, 0, null), Ct).AsTask();
        await host.StopAsync(Ct);

        Assert.NotNull(await host.Services.GetRequiredService<IHistoryQueries>().GetTransactionAsync(1, Ct));
        await pending.WaitAsync(TimeSpan.FromSeconds(30), Ct);
    }

    private sealed class SchemaProbe : IHostedService
    {
        public IServiceProvider? Services { get; set; }

        public bool SchemaExistedAtStart { get; private set; }

        public async Task StartAsync(CancellationToken cancellationToken)
        {
            var page = await Services!.GetRequiredService<IIdTagStore>().ListAsync(1, 1, cancellationToken);
            SchemaExistedAtStart = page.Total == 0;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
