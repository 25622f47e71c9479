using System.Net;
using System.Net.WebSockets;

namespace CsmsCluster.Server.Tests;

/// <summary>Connection rules: newest wins, Basic auth, registration.</summary>
public sealed class ConnectionTests
{
    [Fact]
    public async Task SecondConnection_ReplacesFirst_AndTheNewOneIsServed()
    {
        await using var db = await TestDatabase.CreateAsync(StorageKind.Sqlite);
        await using var server = await CsmsTestServer.StartAsync(db);
        await using var first = await OcppTestClient.ConnectAsync(server.OcppUri("CP-TWICE"));
        await first.CallAsync("Heartbeat", "{}");
        await using var second = await OcppTestClient.ConnectAsync(server.OcppUri("CP-TWICE"));

        var closed = await first.Closed.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, closed);
        await second.CallAsync("Heartbeat", "{}");
        var view = await server.Api.GetJsonAsync("/api/v1/chargepoints/CP-TWICE");
        Assert.True(view.GetProperty("connected").GetBoolean());
    }

    [Fact]
    public async Task BasicAuth_WrongOrMissingPassword_Gets401_RightPasswordConnects()
    {
        await using var db = await TestDatabase.CreateAsync(StorageKind.Sqlite);
        await using var server = await CsmsTestServer.StartAsync(db);
        const string password = "correct-horse-battery";
        await server.Api.SendJsonAsync(HttpMethod.Put, "/api/v1/chargepoints/CP-AUTHED", $$"""{"password":"{{password}}","siteId":"depot-1"}""");

        await AssertRefusedAsync(() => OcppTestClient.ConnectAsync(server.OcppUri("CP-AUTHED")), HttpStatusCode.Unauthorized);
        await AssertRefusedAsync(() => OcppTestClient.ConnectAsync(server.OcppUri("CP-AUTHED"), basicAuthPassword: "wrong-password-123456"), HttpStatusCode.Unauthorized);
        await AssertRefusedAsync(() => OcppTestClient.ConnectAsync(server.OcppUri("CP-AUTHED"), basicAuthPassword: password, basicAuthUser: "CP-OTHER"), HttpStatusCode.Unauthorized);

        await using var charger = await OcppTestClient.ConnectAsync(server.OcppUri("CP-AUTHED"), basicAuthPassword: password);
        await charger.CallAsync("Heartbeat", "{}");
        var view = await server.Api.GetJsonAsync("/api/v1/chargepoints/CP-AUTHED");
        Assert.True(view.GetProperty("hasPassword").GetBoolean());
        Assert.Equal("depot-1", view.GetProperty("siteId").GetString());
        Assert.False(view.TryGetProperty("password", out _));
    }

    [Fact]
    public async Task RequireRegistration_UnknownChargePoint_Gets404_RegisteredOneConnects()
    {
        await using var db = await TestDatabase.CreateAsync(StorageKind.Sqlite);
        await using var server = await CsmsTestServer.StartAsync(db, new Dictionary<string, string?> { ["Csms:Ocpp:RequireRegistration"] = "true" });
        await AssertRefusedAsync(() => OcppTestClient.ConnectAsync(server.OcppUri("CP-STRANGER")), HttpStatusCode.NotFound);
        await server.Api.GetJsonAsync("/api/v1/chargepoints/CP-STRANGER", HttpStatusCode.NotFound);

        await server.Api.SendJsonAsync(HttpMethod.Put, "/api/v1/chargepoints/CP-KNOWN", "{}");
        await using var charger = await OcppTestClient.ConnectAsync(server.OcppUri("CP-KNOWN"));
        await charger.CallAsync("Heartbeat", "{}");
    }

    private static async Task AssertRefusedAsync(Func<Task<OcppTestClient>> connect, HttpStatusCode expected)
    {
        var ex = await Assert.ThrowsAsync<WebSocketException>(connect);
        Assert.Contains(((int)expected).ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message, StringComparison.Ordinal);
    }
}
