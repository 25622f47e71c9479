using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;

namespace CsmsCluster.Server.Tests;

/// <summary>
/// 1.6 security extension commands through the typed endpoints: the certificates a charger holds and its last composite
/// schedule are kept from its answers and shown by the API; GetLog, SignedUpdateFirmware and ExtendedTriggerMessage
/// reach the charger with their payloads.
/// </summary>
public sealed class CertificateCommandTests : ServerTest
{
    private const string ReportedHash = """{"hashAlgorithm":"SHA256","issuerNameHash":"AA11","issuerKeyHash":"BB22","serialNumber":"0c"}""";

    [Fact]
    public async Task Certificates_ListInstallDelete_FollowTheChargersAnswers()
    {
        const string cp = "CP-CERTS";
        var deleteStatus = "Accepted";
        await using var charger = await ConnectAsync(cp);
        charger.OnCall = (action, _) => action switch
        {
            "GetInstalledCertificateIds" => $$"""{"status":"Accepted","certificateHashData":[{{ReportedHash}}]}""",
            "DeleteCertificate" => $$"""{"status":"{{deleteStatus}}"}""",
            _ => """{"status":"Accepted"}""",
        };

        await Command(cp, "certificates/list", """{"certificateType":"CentralSystemRootCertificate"}""");
        var certificates = await Server.Api.GetJsonAsync($"/api/v1/chargepoints/{cp}/certificates");
        var reported = Assert.Single(certificates.EnumerateArray());
        Assert.Equal(("c", "aa11", "Reported"), (reported.GetProperty("serialNumber").GetString(), reported.GetProperty("issuerNameHash").GetString(), reported.GetProperty("source").GetString()));

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Test Root", key, HashAlgorithmName.SHA256);
        using var root = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var pem = JsonSerializer.Serialize(root.ExportCertificatePem());
        await Command(cp, "certificates/install", $$"""{"certificateType":"ManufacturerRootCertificate","certificate":{{pem}}}""");
        certificates = await Server.Api.GetJsonAsync($"/api/v1/chargepoints/{cp}/certificates");
        var installed = certificates.EnumerateArray().Single(c => c.GetProperty("source").GetString() == "Installed");
        Assert.Equal("CN=Test Root", installed.GetProperty("subject").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(root.IssuerName.RawData)), installed.GetProperty("issuerNameHash").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(root.PublicKey.EncodedKeyValue.RawData)), installed.GetProperty("issuerKeyHash").GetString());

        deleteStatus = "Failed";
        await Command(cp, "certificates/delete", $$"""{"certificateHashData":{{ReportedHash}}}""");
        Assert.Equal(2, (await Server.Api.GetJsonAsync($"/api/v1/chargepoints/{cp}/certificates")).GetArrayLength());
        deleteStatus = "Accepted";
        await Command(cp, "certificates/delete", $$"""{"certificateHashData":{{ReportedHash}}}""");
        certificates = await Server.Api.GetJsonAsync($"/api/v1/chargepoints/{cp}/certificates");
        Assert.Equal(["Installed"], certificates.EnumerateArray().Select(c => c.GetProperty("source").GetString()));
    }

    [Fact]
    public async Task CompositeSchedule_AcceptedIsKeptPerConnector_RejectedIsNot()
    {
        const string cp = "CP-COMPOSITE";
        var status = "Accepted";
        await using var charger = await ConnectAsync(cp);
        charger.OnCall = (action, payload) => action == "GetCompositeSchedule"
            ? status == "Accepted"
                ? $$$"""{"status":"Accepted","connectorId":{{{payload.GetProperty("connectorId").GetInt32()}}},"scheduleStart":"2026-07-01T00:00:00Z","chargingSchedule":{"chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":0,"limit":16.0}]}}"""
                : """{"status":"Rejected"}"""
            : """{"status":"Accepted"}""";

        await Command(cp, "composite-schedule", """{"connectorId":1,"duration":3600}""");
        status = "Rejected";
        await Command(cp, "composite-schedule", """{"connectorId":2,"duration":600}""");

        var schedules = await Server.Api.GetJsonAsync($"/api/v1/chargepoints/{cp}/composite-schedules");
        var kept = Assert.Single(schedules.EnumerateArray());
        Assert.Equal((1, 3600), (kept.GetProperty("connectorId").GetInt32(), kept.GetProperty("duration").GetInt32()));
        using var schedule = JsonDocument.Parse(kept.GetProperty("scheduleJson").GetString()!);
        Assert.Equal(16, schedule.RootElement.GetProperty("chargingSchedulePeriod")[0].GetProperty("limit").GetDouble());
    }

    [Theory]
    [InlineData("log", "GetLog", """{"logType":"SecurityLog","requestId":7,"log":{"remoteLocation":"https://example.com/upload"}}""", """{"status":"Accepted","filename":"security.log"}""")]
    [InlineData("firmware/signed", "SignedUpdateFirmware", """{"requestId":8,"firmware":{"location":"https://example.com/fw.bin","retrieveDateTime":"2026-07-01T00:00:00Z","signingCertificate":"PEM","signature":"c2ln"}}""", """{"status":"Accepted"}""")]
    [InlineData("trigger/extended", "ExtendedTriggerMessage", """{"requestedMessage":"SignChargePointCertificate"}""", """{"status":"Accepted"}""")]
    public async Task SecurityCommands_TypedRoutes_SendTheActionAndReturnTheAnswer(string route, string action, string body, string answer)
    {
        var cp = $"CP-SEC-{route.Replace('/', '-')}";
        await using var charger = await ConnectAsync(cp);
        charger.OnCall = (a, _) => a == action ? answer : null;

        var result = await Command(cp, route, body);

        Assert.Equal("Accepted", result.GetProperty("status").GetString());
        var sent = Assert.Single(charger.ReceivedCalls);
        Assert.Equal(action, sent.Action);
        Assert.Equal(JsonDocument.Parse(body).RootElement.GetRawText(), sent.Payload.GetRawText());
    }

    private async Task<OcppTestClient> ConnectAsync(string cp)
    {
        var charger = await OcppTestClient.ConnectAsync(Server.OcppUri(cp));
        await charger.CallAsync("BootNotification", Ocpp16Payloads.Boot);
        return charger;
    }

    private Task<JsonElement> Command(string cp, string route, string body) =>
        Server.Api.SendJsonAsync(HttpMethod.Post, $"/api/v1/chargepoints/{cp}/commands/{route}", body);
}
