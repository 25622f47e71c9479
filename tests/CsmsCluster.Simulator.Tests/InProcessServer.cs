using System.Net.Http.Headers;
using CsmsCluster.Server;
using CsmsCluster.TestSupport;
using Microsoft.AspNetCore.Builder;

namespace CsmsCluster.Simulator.Tests;

/// <summary>The real server in-process (Kestrel on a dynamic loopback port) on a temporary SQLite database.</summary>
public sealed class InProcessServer : IAsyncLifetime
{
    public const string AdminToken = "simulator-test-admin-token-0123";

    private readonly TempSqliteDatabase _database = new();
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("csms-sim-test-").FullName;
    private WebApplication? _app;

    public Uri BaseUri { get; private set; } = new("http://127.0.0.1/");

    public Uri OcppBase => new($"ws://{BaseUri.Authority}/ocpp/");

    public HttpClient Api { get; } = new() { Timeout = TimeSpan.FromSeconds(60) };

    public async ValueTask InitializeAsync()
    {
        _app = CsmsServer.Build(
        [
            "--urls=http://127.0.0.1:0",
            "--Csms:Storage:Provider=sqlite",
            $"--Csms:Storage:ConnectionString={_database.ConnectionString}",
            $"--Csms:Api:AdminToken={AdminToken}",
            $"--Csms:Api:DataDirectory={_dataDirectory}",
            $"--Csms:Security:Ca:Directory={Path.Combine(_dataDirectory, "ca")}",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await _app.StartAsync();
        BaseUri = new Uri(_app.Urls.First(u => u.StartsWith("http://", StringComparison.Ordinal)));
        Api.BaseAddress = BaseUri;
        Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        await _database.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }
}
