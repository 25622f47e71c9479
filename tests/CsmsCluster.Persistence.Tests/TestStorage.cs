using System.Data.Common;
using System.Globalization;
using CsmsCluster.TestSupport;

namespace CsmsCluster.Persistence.Tests;

/// <summary>
/// A fresh database of the given provider (own PostgreSQL database or own SQLite file) with the persistence layer
/// registered on it. Further "nodes" (service providers with their own pools) can share the same database.
/// </summary>
internal sealed class TestStorage : IAsyncDisposable
{
    private readonly IAsyncDisposable _database;
    private readonly List<ServiceProvider> _nodes = [];

    private TestStorage(string provider, string connectionString, IAsyncDisposable database)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _database = database;
    }

    public string Provider { get; }

    public string ConnectionString { get; }

    public bool IsSqlite => Provider == StorageOptions.SqliteProvider;

    /// <summary>The first node.</summary>
    public ServiceProvider Services => _nodes[0];

    public static async Task<TestStorage> CreateAsync(string provider, Action<StorageOptions>? configure = null, bool migrate = true)
    {
        IAsyncDisposable database;
        string connectionString;
        if (provider == StorageOptions.PostgresProvider)
        {
            var postgres = await PostgresTestDatabase.CreateAsync(TestContext.Current.CancellationToken);
            (database, connectionString) = (postgres, postgres.ConnectionString);
        }
        else
        {
            var sqlite = new TempSqliteDatabase();
            (database, connectionString) = (sqlite, sqlite.ConnectionString);
        }

        var storage = new TestStorage(provider, connectionString, database);
        var node = storage.AddNode(configure);
        if (migrate)
        {
            await node.GetRequiredService<IDatabaseMigrator>().MigrateAsync(TestContext.Current.CancellationToken);
        }

        return storage;
    }

    /// <summary>Another node on the same database: its own container, connection pool and singletons.</summary>
    public ServiceProvider AddNode(Action<StorageOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCsmsPersistence(options =>
        {
            options.Provider = Provider;
            options.ConnectionString = ConnectionString;
            configure?.Invoke(options);
        });
        var node = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        _nodes.Add(node);
        return node;
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Runs raw SQL on the database and returns the first column of the first row as a long.</summary>
    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await Get<StorageDatabase>().OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand(sql);
        var value = await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
        return Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await Get<StorageDatabase>().OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using DbCommand command = connection.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        await _database.DisposeAsync();
    }
}
