using System.Net.WebSockets;

namespace CsmsCluster.Server.Tests;

/// <summary>
/// Behind a TLS-terminating ingress the pod sees plain HTTP; with <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c> (as
/// the deployment sets it) the server trusts <c>X-Forwarded-Proto</c>, so a charger that used <c>wss://</c> counts
/// as TLS for security profile 2. Without the setting the header is ignored.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private const string Password = "forwarded-password-0001";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Profile2_OverPlainHttp_CountsAsTlsOnlyWhenForwardedHeadersAreTrusted(bool trustForwardedHeaders)
    {
        await using var db = await TestDatabase.CreateAsync(StorageKind.Sqlite);
        await using var server = await CsmsTestServer.StartAsync(db, new Dictionary<string, string?>
        {
            ["FORWARDEDHEADERS_ENABLED"] = trustForwardedHeaders ? "true" : "false",
        });
        const string cp = "CP-FORWARDED";
        await server.Api.SendJsonAsync(HttpMethod.Put, $"/api/v1/chargepoints/{cp}", $$"""{"securityProfile":2,"password":"{{Password}}"}""");

        // Without the header the connection is plain HTTP whatever the setting: refused.
        var plain = await Assert.ThrowsAsync<WebSocketException>(() => OcppTestClient.ConnectAsync(server.OcppUri(cp), basicAuthPassword: Password));
        Assert.Contains("401", plain.Message, StringComparison.Ordinal);

        Task<OcppTestClient> ViaIngress() => OcppTestClient.ConnectAsync(
            server.OcppUri(cp),
            basicAuthPassword: Password,
            configure: options => options.SetRequestHeader("X-Forwarded-Proto", "https"));
        if (trustForwardedHeaders)
        {
            await using var charger = await ViaIngress();
            var answer = await charger.CallAsync("Heartbeat", "{}");
            Assert.True(answer.TryGetProperty("currentTime", out _));
        }
        else
        {
            var refused = await Assert.ThrowsAsync<WebSocketException>(ViaIngress);
            Assert.Contains("401", refused.Message, StringComparison.Ordinal);
        }
    }
}
