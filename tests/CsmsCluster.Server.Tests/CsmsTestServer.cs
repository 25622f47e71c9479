using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;

namespace CsmsCluster.Server.Tests;

/// <summary>The real server (Kestrel on a dynamic loopback port) on a test database.</summary>
public sealed class CsmsTestServer : IAsyncDisposable
{
    public const string AdminToken = "test-admin-token-0123456789";

    private readonly WebApplication _app;
    private readonly string _dataDirectory;

    private CsmsTestServer(WebApplication app, string dataDirectory, Uri baseUri)
    {
        _app = app;
        _dataDirectory = dataDirectory;
        BaseUri = baseUri;
        Api = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(60) };
        Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
    }

    public Uri BaseUri { get; }

    /// <summary>The server's data directory (a generated admin token is kept here).</summary>
    public string DataDirectory => _dataDirectory;

    /// <summary>The HTTPS endpoint, when the settings configured one.</summary>
    public Uri? TlsUri { get; private init; }

    /// <summary>An HTTP client that sends the admin token.</summary>
    public HttpClient Api { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<CsmsTestServer> StartAsync(TestDatabase database, IDictionary<string, string?>? settings = null)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("csms-test-").FullName;
        var args = new List<string>
        {
            "--urls=http://127.0.0.1:0",
            $"--Csms:Storage:Provider={database.Provider}",
            $"--Csms:Storage:ConnectionString={database.ConnectionString}",
            $"--Csms:Api:AdminToken={AdminToken}",
            $"--Csms:Api:DataDirectory={dataDirectory}",
            $"--Csms:Security:Ca:Directory={Path.Combine(dataDirectory, "ca")}",
            "--Logging:LogLevel:Default=Warning",
        };
        args.AddRange((settings ?? new Dictionary<string, string?>()).Select(kv => $"--{kv.Key}={kv.Value}"));
        var app = CsmsServer.Build([.. args]);
        await app.StartAsync();
        // With Kestrel endpoints configured (e.g. an HTTPS one for TLS tests) the API is reached over plain HTTP.
        var address = app.Urls.First(u => u.StartsWith("http://", StringComparison.Ordinal));
        var tls = app.Urls.FirstOrDefault(u => u.StartsWith("https://", StringComparison.Ordinal));
        return new CsmsTestServer(app, dataDirectory, new Uri(address)) { TlsUri = tls is null ? null : new Uri(tls) };
    }

    public Uri SecureOcppUri(string chargePointId) =>
        new($"wss://{(TlsUri ?? throw new InvalidOperationException("No HTTPS endpoint configured.")).Authority}/ocpp/{Uri.EscapeDataString(chargePointId)}");

    public Uri OcppUri(string chargePointId) =>
        new($"ws://{BaseUri.Authority}/ocpp/{Uri.EscapeDataString(chargePointId)}");

    /// <summary>Stops the server gracefully (as on SIGTERM), keeping its database.</summary>
    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }
}
