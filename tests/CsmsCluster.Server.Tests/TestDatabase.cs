using CsmsCluster.TestSupport;

namespace CsmsCluster.Server.Tests;

/// <summary>A fresh database of either kind for one test, removed afterwards.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly IAsyncDisposable _owner;

    private TestDatabase(StorageKind kind, string connectionString, IAsyncDisposable owner)
    {
        Kind = kind;
        ConnectionString = connectionString;
        _owner = owner;
    }

    public StorageKind Kind { get; }

    public string ConnectionString { get; }

    public string Provider => Kind == StorageKind.Postgres ? "postgres" : "sqlite";

    public static async Task<TestDatabase> CreateAsync(StorageKind kind)
    {
        if (kind == StorageKind.Postgres)
        {
            var pg = await PostgresTestDatabase.CreateAsync();
            return new TestDatabase(kind, pg.ConnectionString, pg);
        }

        var sqlite = new TempSqliteDatabase();
        return new TestDatabase(kind, sqlite.ConnectionString, sqlite);
    }

    public ValueTask DisposeAsync() => _owner.DisposeAsync();
}
