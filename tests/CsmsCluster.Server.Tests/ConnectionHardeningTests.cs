using System.Globalization;
using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using CsmsCluster.Gateway;
using CsmsCluster.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CsmsCluster.Server.Tests;

/// <summary>
/// Connection hardening against the real server with small limits: admission control (connection cap, upgrade rate),
/// BootNotification Pending while saturated, the per-charger message rate limit, zombie sessions and keep-alive.
/// </summary>
public sealed class ConnectionHardeningTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OverConnectionCap_Upgrade_Gets503WithRetryAfter_AndExistingConnectionsKeepWorking()
    {
        await using var db = await TestDatabase.CreateAsync(StorageKind.Sqlite);
        await using var server = await CsmsTestServer.StartAsync(db, new Dictionary<string, string?>
        {
            ["Csms:Ocpp:MaxConnections"] = "2",
            ["Csms:Ocpp:RetryAfter"] = "00:00:05",
        });
        var metrics = server.Services.GetRequiredService<GatewayMetrics>();
        await using var first = await OcppTestClient.ConnectAsync(server.OcppUri("CP-CAP-1"));
        var second = await OcppTestClient.ConnectAsync(server.OcppUri("CP-CAP-2"));

        var refused = await TryConnectAsync(server.OcppUri("CP-CAP-3"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.Status);
        Assert.InRange(refused.RetryAfterSeconds!.Value, 5, 10);
        Assert.Equal(1, metrics.RefusedAtCapacity);
        await server.Api.GetJsonAsync("/api/v1/chargepoints/CP-CAP-3", HttpStatusCode.NotFound);

        var heartbeat = await first.CallAsync("Heartbeat", "{}");
        Assert.True(heartbeat.TryGetProperty("currentTime", out _));

        // A freed slot admits the next charger.
        await second.DisposeAsync();
        OcppTestClient? third = null;
        await Eventually.WaitAsync(
            async () => (third = await TryConnectClientAsync(server.OcppUri("CP-CAP-3"))) is not null,
            Wait,
            "CP-CAP-3 to connect once CP-CAP-2 left");
        await using (third)
        {
            await third!.CallAsync("Heartbeat", "{}");
        }
    }

    [Fact]
    public async Task OverUpgradeRate_Upgrade_Gets503WithRetryAfter_AndBootIsAnsweredPendingWhileSaturated()
    {
        await using var db = await TestDatabase.CreateAsync(StorageKind.Sqlite);
        await using var server = await CsmsTestServer.StartAsync(db, new Dictionary<string, string?>
        {
            ["Csms:Ocpp:MaxUpgradesPerSecond"] = "0.001",
            ["Csms:Ocpp:UpgradeBurst"] = "2",
            ["Csms:Ocpp:MaxRetryAfter"] = "00:00:30",
            ["Csms:Ocpp:PendingBootInterval"] = "00:00:07",
        });
        var metrics = server.Services.GetRequiredService<GatewayMetrics>();
        await using var first = await OcppTestClient.ConnectAsync(server.OcppUri("CP-RATE-1"));
        await using var second = await OcppTestClient.ConnectAsync(server.OcppUri("CP-RATE-2"));

        var refused = await TryConnectAsync(server.OcppUri("CP-RATE-3"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.Status);
        // The next upgrade slot at 0.001/s is 1,000 s away: the Retry-After says when, capped at MaxRetryAfter.
        Assert.Equal(30, refused.RetryAfterSeconds);
        Assert.Equal(1, metrics.RefusedUpgradeRate);

        // The upgrade bucket is empty, so the node is saturated: the gateway answers the boot itself, schema-valid,
        // and the grain never sees it.
        var boot = await first.CallAsync("BootNotification", Ocpp16Payloads.Boot);
        Assert.Equal("Pending", boot.GetProperty("status").GetString());
        Assert.InRange(boot.GetProperty("interval").GetInt32(), 7, 14);
        Assert.True(DateTimeOffset.TryParse(boot.GetProperty("currentTime").GetString(), CultureInfo.InvariantCulture, out _));
        Assert.Equal(1, metrics.PendingBoots);
        var view = await server.Api.GetJsonAsync("/api/v1/chargepoints/CP-RATE-1");
        Assert.True(view.GetProperty("connected").GetBoolean());
        Assert.True(!view.TryGetProperty("boot", out var bootInfo) || bootInfo.ValueKind == JsonValueKind.Null, $"no boot was recorded: {view}");

        // Other messages still reach the grain.
        await second.CallAsync("StatusNotification", Ocpp16Payloads.Status(1, "Available"));
        await first.CallAsync("Heartbeat", "{}");
    }

    [Fact]
    public async Task FloodingCharger_GetsGenericErrorForTheExcess_OtherChargerIsServed_AndAcceptedMessagesAreStored()
    {
        await using var db = await TestDatabase.CreateAsync(StorageKind.Sqlite);
        await using var server = await CsmsTestServer.StartAsync(db, new Dictionary<string, string?>
        {
            ["Csms:Ocpp:MaxMessagesPerSecond"] = "1",
            ["Csms:Ocpp:MessageBurst"] = "5",
            ["Csms:Ocpp:FloodCloseFactor"] = "1000",
        });
        var metrics = server.Services.GetRequiredService<GatewayMetrics>();
        await server.Api.PutIdTagAsync("FLOOD-TAG", "Accepted");
        await using var flooder = await OcppTestClient.ConnectAsync(server.OcppUri("CP-FLOOD"));
        await using var neighbour = await OcppTestClient.ConnectAsync(server.OcppUri("CP-NEIGHBOUR"));
        var start = await flooder.CallAsync("StartTransaction", Ocpp16Payloads.Start(1, "FLOOD-TAG", 0, "2026-05-01T00:00:00Z"));
        var txId = start.GetProperty("transactionId").GetInt32();

        const int sent = 40;
        var times = Enumerable.Range(1, sent).Select(i => new DateTimeOffset(2026, 5, 1, 0, 0, i, TimeSpan.Zero)).ToArray();
        var flood = times.Select(t => TryCallAsync(flooder, "MeterValues", Ocpp16Payloads.Meter(1, txId, t.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), 100 + t.Second))).ToArray();
        for (var i = 0; i < 4; i++)
        {
            await neighbour.CallAsync("Heartbeat", "{}");
        }

        var results = await Task.WhenAll(flood);
        var accepted = times.Where((_, i) => results[i] is null).ToHashSet();
        var rejected = results.OfType<OcppCallErrorException>().ToList();
        Assert.Equal(sent, accepted.Count + rejected.Count);
        Assert.NotEmpty(rejected);
        Assert.NotEmpty(accepted);
        Assert.All(rejected, e => Assert.Equal(("GenericError", "Rate limit exceeded; retry later"), (e.ErrorCode, e.ErrorDescription)));
        Assert.Equal(rejected.Count, metrics.RateLimitedMessages);

        // Every acknowledged meter value is stored, and no refused one.
        var tx = await server.Api.GetJsonAsync($"/api/v1/transactions/{txId}");
        var stored = tx.GetProperty("meterValues").EnumerateArray()
            .Select(m => DateTimeOffset.Parse(m.GetProperty("timestamp").GetString()!, CultureInfo.InvariantCulture))
            .ToHashSet();
        Assert.Equal(accepted.OrderBy(t => t), stored.OrderBy(t => t));
        Assert.False(flooder.Closed.IsCompleted, "rate-limited, not closed");
    }

    [Fact]
    public async Task ChargerFloodingPastHardThreshold_IsClosedWith1008_AndCanReconnect()
    {
        await using var db = await TestDatabase.CreateAsync(StorageKind.Sqlite);
        await using var server = await CsmsTestServer.StartAsync(db, new Dictionary<string, string?>
        {
            ["Csms:Ocpp:MaxMessagesPerSecond"] = "1",
            ["Csms:Ocpp:MessageBurst"] = "2",
            ["Csms:Ocpp:FloodCloseFactor"] = "5",
            ["Csms:Ocpp:FloodCloseWindow"] = "00:00:10",
        });
        var metrics = server.Services.GetRequiredService<GatewayMetrics>();
        var flooder = await OcppTestClient.ConnectAsync(server.OcppUri("CP-FLOODER"));
        try
        {
            // 1/s x 5 x 10 s = 50 messages in one window are tolerated; the 51st closes the socket.
            for (var i = 0; i < 80 && !flooder.Closed.IsCompleted; i++)
            {
                await flooder.SendRawAsync($"[2,\"f{i}\",\"Heartbeat\",{{}}]");
            }
        }
        catch (WebSocketException)
        {
            // The server closed the socket while we were still sending.
        }

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, await flooder.Closed.WaitAsync(Wait, Ct));
        await flooder.DisposeAsync();
        await Eventually.WaitAsync(() => metrics.FloodClosed == 1, Wait, "the flood close to be counted once the socket ended");

        await using var again = await OcppTestClient.ConnectAsync(server.OcppUri("CP-FLOODER"));
        await again.CallAsync("Heartbeat", "{}");
    }

    [Fact]
    public async Task ChargerIgnoringCsmsCalls_IsClosedAfterUnansweredCallLimit_AndShowsDisconnected()
    {
        await using var db = await TestDatabase.CreateAsync(StorageKind.Sqlite);
        await using var server = await CsmsTestServer.StartAsync(db, new Dictionary<string, string?>
        {
            ["Csms:Ocpp:UnansweredCallLimit"] = "2",
            ["Csms:Ocpp:CloseTimeout"] = "00:00:02",
        });
        var metrics = server.Services.GetRequiredService<GatewayMetrics>();
        const string cp = "CP-ZOMBIE";
        await using var charger = await OcppTestClient.ConnectAsync(server.OcppUri(cp));
        await charger.CallAsync("Heartbeat", "{}");

        await server.Api.SendJsonAsync(HttpMethod.Post, $"/api/v1/chargepoints/{cp}/ocpp/Reset?timeout=1", """{"type":"Soft"}""", HttpStatusCode.GatewayTimeout);
        Assert.False(charger.Closed.IsCompleted, "one unanswered call is not yet a zombie");

        // The slot was freed: the second call is sent too, and its timeout reaches the limit.
        await server.Api.SendJsonAsync(HttpMethod.Post, $"/api/v1/chargepoints/{cp}/ocpp/Reset?timeout=1", """{"type":"Soft"}""", HttpStatusCode.GatewayTimeout);
        Assert.Equal(2, charger.ReceivedCalls.Count);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, await charger.Closed.WaitAsync(Wait, Ct));

        // The test client never completes the closing handshake; the gateway aborts after CloseTimeout and the grain
        // learns of the disconnect.
        await Eventually.WaitAsync(
            async () => !(await server.Api.GetJsonAsync($"/api/v1/chargepoints/{cp}")).GetProperty("connected").GetBoolean(),
            Wait,
            $"{cp} to show disconnected");
        Assert.Equal(1, metrics.ZombieClosed);

        await using var again = await OcppTestClient.ConnectAsync(server.OcppUri(cp));
        again.OnCall = (_, _) => """{"status":"Accepted"}""";
        var answer = await server.Api.SendJsonAsync(HttpMethod.Post, $"/api/v1/chargepoints/{cp}/ocpp/Reset", """{"type":"Soft"}""");
        Assert.Equal("Accepted", answer.GetProperty("status").GetString());
    }

    [Fact]
    public async Task ClientNotAnsweringPings_IsDropped_AndShowsDisconnected_WhileALiveClientStays()
    {
        await using var db = await TestDatabase.CreateAsync(StorageKind.Sqlite);
        await using var server = await CsmsTestServer.StartAsync(db, new Dictionary<string, string?>
        {
            ["Csms:Ocpp:PingInterval"] = "00:00:01",
            ["Csms:Ocpp:PongTimeout"] = "00:00:01",
        });
        await using var live = await OcppTestClient.ConnectAsync(server.OcppUri("CP-ALIVE"));

        // A socket that never reads: pings from the server stay unanswered (client keep-alive off, so it sends no
        // pongs on its own either).
        using var dead = new ClientWebSocket();
        dead.Options.AddSubProtocol("ocpp1.6");
        dead.Options.KeepAliveInterval = TimeSpan.Zero;
        await dead.ConnectAsync(server.OcppUri("CP-DEAD"), Ct);
        var view = await server.Api.GetJsonAsync("/api/v1/chargepoints/CP-DEAD");
        Assert.True(view.GetProperty("connected").GetBoolean());

        await Eventually.WaitAsync(
            async () => !(await server.Api.GetJsonAsync("/api/v1/chargepoints/CP-DEAD")).GetProperty("connected").GetBoolean(),
            Wait,
            "CP-DEAD to be dropped after its pong timeout");

        // Several ping intervals passed; the client that answers pings is still served.
        await live.CallAsync("Heartbeat", "{}");
        Assert.True((await server.Api.GetJsonAsync("/api/v1/chargepoints/CP-ALIVE")).GetProperty("connected").GetBoolean());
        dead.Abort();
    }

    /// <summary>A CALL's CALLERROR as the result, or null when it was answered with a CALLRESULT.</summary>
    private static async Task<OcppCallErrorException?> TryCallAsync(OcppTestClient client, string action, string payload)
    {
        try
        {
            await client.CallAsync(action, payload, Wait);
            return null;
        }
        catch (OcppCallErrorException ex)
        {
            return ex;
        }
    }

    private static async Task<OcppTestClient?> TryConnectClientAsync(Uri uri)
    {
        try
        {
            return await OcppTestClient.ConnectAsync(uri);
        }
        catch (WebSocketException)
        {
            return null;
        }
    }

    /// <summary>Attempts an upgrade and returns the HTTP status and <c>Retry-After</c> seconds of a refusal.</summary>
    private static async Task<(HttpStatusCode Status, int? RetryAfterSeconds)> TryConnectAsync(Uri uri)
    {
        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("ocpp1.6");
        socket.Options.CollectHttpResponseDetails = true;
        try
        {
            await socket.ConnectAsync(uri, Ct);
            socket.Abort();
            return (HttpStatusCode.SwitchingProtocols, null);
        }
        catch (WebSocketException)
        {
            var headers = socket.HttpResponseHeaders;
            int? retryAfter = headers is not null && headers.TryGetValue("Retry-After", out var values)
                ? int.Parse(values.Single(), CultureInfo.InvariantCulture)
                : null;
            return (socket.HttpStatusCode, retryAfter);
        }
    }
}
