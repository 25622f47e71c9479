using System.Net;
using System.Net.Sockets;
using System.Text;
using CsmsCluster.Server.Health;
using CsmsCluster.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CsmsCluster.Server.Tests.Api;

/// <summary>The probe port: its own socket and thread, answering liveness and readiness from the last checks.</summary>
public sealed class HealthProbePortTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string?> ProbePort(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?> { ["Csms:Health:Port"] = "0", ["Csms:Health:ListenAddress"] = "127.0.0.1" };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    [Fact]
    public async Task ProbePort_AnswersLivenessAndReadiness_AndRefusesEverythingElse()
    {
        await using var db = await TestDatabase.CreateAsync(StorageKind.Sqlite);
        await using var server = await CsmsTestServer.StartAsync(db, ProbePort());
        var port = server.Services.GetRequiredService<IHealthProbePort>().BoundPort!.Value;
        Assert.NotEqual(server.BaseUri.Port, port);

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        using (var live = await http.GetAsync("/healthz", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            Assert.Equal("Healthy", await live.Content.ReadAsStringAsync(Ct));
        }

        // Readiness comes from the periodic check (storage reachable), so it may take one interval.
        await Eventually.WaitAsync(async () =>
        {
            using var ready = await http.GetAsync("/readyz", Ct);
            return ready.StatusCode == HttpStatusCode.OK;
        }, TimeSpan.FromSeconds(10), "/readyz on the probe port to answer 200");

        using (var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/healthz"), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        }

        using (var missing = await http.GetAsync("/api/v1/chargepoints", Ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        using (var post = await http.PostAsync("/healthz", new StringContent(""), Ct))
        {
            Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        }

        Assert.StartsWith("HTTP/1.1 400 ", await RawAsync(port, "NONSENSE\r\n\r\n"));
        // A prober that sends half a request and goes away does not stop the next one from being answered.
        using (var half = new TcpClient())
        {
            await half.ConnectAsync(IPAddress.Loopback, port, Ct);
            await half.GetStream().WriteAsync("GET /hea"u8.ToArray(), Ct);
        }

        Assert.StartsWith("HTTP/1.1 200 ", await RawAsync(port, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"));
    }

    [Fact]
    public async Task Liveness_Fails_WhenTheHeartbeatStalls()
    {
        await using var db = await TestDatabase.CreateAsync(StorageKind.Sqlite);
        // The heartbeat ticks once at start and then not for an hour: past the stall limit, liveness must fail.
        await using var server = await CsmsTestServer.StartAsync(db, ProbePort(
            ("Csms:Health:CheckInterval", "01:00:00"), ("Csms:Health:LivenessStall", "00:00:00.300")));
        var port = server.Services.GetRequiredService<IHealthProbePort>().BoundPort!.Value;
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        await Eventually.WaitAsync(async () =>
        {
            using var live = await http.GetAsync("/healthz", Ct);
            return live.StatusCode == HttpStatusCode.ServiceUnavailable
                && (await live.Content.ReadAsStringAsync(Ct)).Contains("heartbeat", StringComparison.Ordinal);
        }, TimeSpan.FromSeconds(10), "/healthz to fail once the heartbeat is older than the stall limit");
    }

    [Fact]
    public async Task WithoutProbePort_NoListener_AndTheMainPortStillAnswers()
    {
        await using var db = await TestDatabase.CreateAsync(StorageKind.Sqlite);
        await using var server = await CsmsTestServer.StartAsync(db);
        Assert.Null(server.Services.GetService<IHealthProbePort>());
        using var http = new HttpClient { BaseAddress = server.BaseUri };
        using var live = await http.GetAsync("/healthz", Ct);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    private static async Task<string> RawAsync(int port, string request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port, Ct);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), Ct);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        return await reader.ReadToEndAsync(Ct);
    }
}
