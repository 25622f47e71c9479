using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using CsmsCluster.TestSupport;

namespace CsmsCluster.Server.Tests;

/// <summary>Commands for an offline charger (queued with a time-to-live) and the SignCertificate follow-up.</summary>
public sealed class QueuedCommandTests : ServerTest
{
    [Fact]
    public async Task OfflineCharger_WithoutQueue_Is409_WithQueue_Is202AndDeliveredOnReconnect()
    {
        const string cp = "CP-QUEUE";
        await (await OcppTestClient.ConnectAsync(Server.OcppUri(cp))).DisposeAsync();
        await WaitDisconnectedAsync(cp);

        await Server.Api.SendJsonAsync(HttpMethod.Post, $"/api/v1/chargepoints/{cp}/commands/reset", """{"type":"Soft"}""", HttpStatusCode.Conflict);
        var first = await Server.Api.SendJsonAsync(HttpMethod.Post, $"/api/v1/chargepoints/{cp}/commands/reset?queue=true&ttl=600", """{"type":"Soft"}""", HttpStatusCode.Accepted);
        var second = await Server.Api.SendJsonAsync(HttpMethod.Post, $"/api/v1/chargepoints/{cp}/ocpp/ChangeConfiguration?queue=true", """{"key":"HeartbeatInterval","value":"60"}""", HttpStatusCode.Accepted);
        Assert.Equal("Queued", first.GetProperty("status").GetString());
        var id = first.GetProperty("commandId").GetString();
        var status = await Server.Api.GetJsonAsync($"/api/v1/chargepoints/{cp}/commands/queued/{id}");
        Assert.Equal("Queued", status.GetProperty("status").GetString());

        await using var charger = await OcppTestClient.ConnectAsync(Server.OcppUri(cp));
        charger.OnCall = (_, _) => """{"status":"Accepted"}""";
        await Eventually.WaitAsync(() => charger.ReceivedCalls.Count == 2, TimeSpan.FromSeconds(10), "both queued commands to reach the reconnected charger");
        Assert.Equal(["Reset", "ChangeConfiguration"], charger.ReceivedCalls.Select(c => c.Action).ToArray());

        await Eventually.WaitAsync(
            async () => (await Server.Api.GetJsonAsync($"/api/v1/chargepoints/{cp}/commands/queued/{second.GetProperty("commandId").GetString()}")).GetProperty("status").GetString() == "Completed",
            TimeSpan.FromSeconds(10),
            "the second queued command to be reported Completed");
        var done = await Server.Api.GetJsonAsync($"/api/v1/chargepoints/{cp}/commands/queued/{id}");
        Assert.Equal("Completed", done.GetProperty("status").GetString());
        Assert.Equal("""{"status":"Accepted"}""", done.GetProperty("resultJson").GetString());
        var config = await Server.Api.GetJsonAsync($"/api/v1/chargepoints/{cp}/configuration");
        Assert.Equal("60", config[0].GetProperty("value").GetString());
    }

    [Fact]
    public async Task QueuedCommand_PastItsTtl_IsNeverSent()
    {
        const string cp = "CP-QUEUE-TTL";
        await (await OcppTestClient.ConnectAsync(Server.OcppUri(cp))).DisposeAsync();
        await WaitDisconnectedAsync(cp);
        var queued = await Server.Api.SendJsonAsync(HttpMethod.Post, $"/api/v1/chargepoints/{cp}/commands/clear-cache?queue=true&ttl=0.2", "{}", HttpStatusCode.Accepted);
        var expiresAt = queued.GetProperty("expiresAt").GetDateTimeOffset();
        await Eventually.WaitAsync(() => DateTimeOffset.UtcNow > expiresAt, TimeSpan.FromSeconds(5), "the command's ttl to pass");

        await using var charger = await OcppTestClient.ConnectAsync(Server.OcppUri(cp));
        await charger.CallAsync("Heartbeat", "{}");
        var status = await Server.Api.GetJsonAsync($"/api/v1/chargepoints/{cp}/commands/queued/{queued.GetProperty("commandId").GetString()}");
        Assert.Equal("Expired", status.GetProperty("status").GetString());
        Assert.Empty(charger.ReceivedCalls);
    }

    [Theory]
    [InlineData("?ttl=60")]
    [InlineData("?queue=true&ttl=0")]
    [InlineData("?queue=true&ttl=9999999")]
    public async Task BadQueueOptions_Are400(string query)
    {
        const string cp = "CP-QUEUE-BAD";
        await Server.Api.SendJsonAsync(HttpMethod.Put, $"/api/v1/chargepoints/{cp}", "{}");
        await Server.Api.SendJsonAsync(HttpMethod.Post, $"/api/v1/chargepoints/{cp}/commands/clear-cache{query}", "{}", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task SignCertificate_Accepted_ThenCertificateSignedWithAChainForThisChargePoint()
    {
        const string cp = "CP-SIGN";
        await using var charger = await OcppTestClient.ConnectAsync(Server.OcppUri(cp));
        charger.OnCall = (_, _) => """{"status":"Accepted"}""";
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var csr = new CertificateRequest($"CN={cp}", key, HashAlgorithmName.SHA256).CreateSigningRequestPem();

        var answer = await charger.CallAsync("SignCertificate", JsonSerializer.Serialize(new Dictionary<string, string> { ["csr"] = csr }));
        Assert.Equal("Accepted", answer.GetProperty("status").GetString());
        await Eventually.WaitAsync(() => !charger.ReceivedCalls.IsEmpty, TimeSpan.FromSeconds(10), "CertificateSigned to follow SignCertificate");
        var (action, payload) = Assert.Single(charger.ReceivedCalls);
        Assert.Equal("CertificateSigned", action);
        var chain = new X509Certificate2Collection();
        chain.ImportFromPem(payload.GetProperty("certificateChain").GetString()!);
        Assert.Equal(cp, chain[0].GetNameInfo(X509NameType.SimpleName, false));
        Assert.Equal(key.ExportSubjectPublicKeyInfo(), chain[0].PublicKey.ExportSubjectPublicKeyInfo());

        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var foreign = new CertificateRequest("CN=CP-SOMEONE-ELSE", other, HashAlgorithmName.SHA256).CreateSigningRequestPem();
        var refused = await charger.CallAsync("SignCertificate", JsonSerializer.Serialize(new Dictionary<string, string> { ["csr"] = foreign }));
        Assert.Equal("Rejected", refused.GetProperty("status").GetString());
    }

    private Task WaitDisconnectedAsync(string cp) =>
        Eventually.WaitAsync(
            async () => !(await Server.Api.GetJsonAsync($"/api/v1/chargepoints/{cp}")).GetProperty("connected").GetBoolean(),
            TimeSpan.FromSeconds(10),
            $"{cp} to show as disconnected");
}
