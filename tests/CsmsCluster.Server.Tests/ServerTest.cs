namespace CsmsCluster.Server.Tests;

/// <summary>A test class with its own server on a fresh SQLite database, started before its tests and removed after.</summary>
public abstract class ServerTest(IDictionary<string, string?>? settings = null) : IAsyncLifetime
{
    private TestDatabase? _db;
    private CsmsTestServer? _server;

    protected CsmsTestServer Server => _server ?? throw new InvalidOperationException("The server starts in InitializeAsync.");

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(StorageKind.Sqlite);
        _server = await CsmsTestServer.StartAsync(_db, settings);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_db is not null)
        {
            await _db.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
