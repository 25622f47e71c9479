using System.Net;
using System.Text.Json;

namespace CsmsCluster.Server.Tests;

/// <summary>
/// OCPP 1.6 commands through the typed endpoints against a real charger socket: each sends its action, and the state
/// the charger's answer implies is visible through the API afterwards.
/// </summary>
public sealed class ChargePointCommandTests : ServerTest
{
    [Fact]
    public async Task Configuration_GetAndChange_AreCachedFromTheChargersAnswers()
    {
        const string cp = "CP-CONFIG";
        await using var charger = await ConnectAsync(cp, new()
        {
            ["GetConfiguration"] = """{"configurationKey":[{"key":"HeartbeatInterval","readonly":false,"value":"300"},{"key":"NumberOfConnectors","readonly":true,"value":"2"}],"unknownKey":["Nope"]}""",
            ["ChangeConfiguration"] = """{"status":"Accepted"}""",
        });

        var answer = await Command(cp, "configuration/get", "{}");
        Assert.Equal(2, answer.GetProperty("configurationKey").GetArrayLength());
        var config = await Server.Api.GetJsonAsync($"/api/v1/chargepoints/{cp}/configuration");
        Assert.Equal(["HeartbeatInterval", "NumberOfConnectors"], config.EnumerateArray().Select(k => k.GetProperty("key").GetString()!).ToArray());
        Assert.True(config[1].GetProperty("readonly").GetBoolean());

        await Command(cp, "configuration/change", """{"key":"HeartbeatInterval","value":"120"}""");
        config = await Server.Api.GetJsonAsync($"/api/v1/chargepoints/{cp}/configuration");
        Assert.Equal("120", config.EnumerateArray().Single(k => k.GetProperty("key").GetString() == "HeartbeatInterval").GetProperty("value").GetString());
    }

    [Fact]
    public async Task Configuration_RejectedChange_LeavesTheCacheAlone()
    {
        const string cp = "CP-CONFIG-REJ";
        await using var charger = await ConnectAsync(cp, new()
        {
            ["GetConfiguration"] = """{"configurationKey":[{"key":"MeterValueSampleInterval","readonly":false,"value":"60"}]}""",
            ["ChangeConfiguration"] = """{"status":"Rejected"}""",
        });
        await Command(cp, "configuration/get", "{}");
        await Command(cp, "configuration/change", """{"key":"MeterValueSampleInterval","value":"10"}""");
        var config = await Server.Api.GetJsonAsync($"/api/v1/chargepoints/{cp}/configuration");
        Assert.Equal("60", config[0].GetProperty("value").GetString());
    }

    [Fact]
    public async Task ChargingProfiles_AcceptedAreInstalled_SameSlotReplaces_RejectedIgnored_ClearRemoves()
    {
        const string cp = "CP-PROFILES";
        var status = "Accepted";
        await using var charger = await ConnectAsync(cp, new()
        {
            ["ClearChargingProfile"] = """{"status":"Accepted"}""",
        });
        charger.OnCall = (action, _) => action == "SetChargingProfile" ? $$"""{"status":"{{status}}"}""" : """{"status":"Accepted"}""";

        await Command(cp, "charging-profiles/set", Profile(1, 11, 0, "TxDefaultProfile", 16));
        await Command(cp, "charging-profiles/set", Profile(0, 12, 0, "ChargePointMaxProfile", 32));
        await Command(cp, "charging-profiles/set", Profile(1, 13, 0, "TxDefaultProfile", 10));
        status = "Rejected";
        await Command(cp, "charging-profiles/set", Profile(2, 14, 1, "TxDefaultProfile", 8));

        var profiles = await Server.Api.GetJsonAsync($"/api/v1/chargepoints/{cp}/charging-profiles");
        Assert.Equal([12, 13], profiles.EnumerateArray().Select(p => p.GetProperty("chargingProfileId").GetInt32()).Order().ToArray());
        var replaced = profiles.EnumerateArray().Single(p => p.GetProperty("chargingProfileId").GetInt32() == 13);
        Assert.Equal(10m, replaced.GetProperty("profile").GetProperty("chargingSchedule").GetProperty("chargingSchedulePeriod")[0].GetProperty("limit").GetDecimal());

        await Command(cp, "charging-profiles/clear", """{"id":12}""");
        profiles = await Server.Api.GetJsonAsync($"/api/v1/chargepoints/{cp}/charging-profiles");
        Assert.Equal([13], profiles.EnumerateArray().Select(p => p.GetProperty("chargingProfileId").GetInt32()).ToArray());
    }

    [Fact]
    public async Task Reservations_AcceptedIsKept_StartTransactionUsesIt_CancelRemovesIt()
    {
        const string cp = "CP-RESERVE";
        await using var charger = await ConnectAsync(cp, new()
        {
            ["ReserveNow"] = """{"status":"Accepted"}""",
            ["CancelReservation"] = """{"status":"Accepted"}""",
        });
        await Command(cp, "reservations/reserve", """{"connectorId":1,"expiryDate":"2099-01-01T00:00:00Z","idTag":"RES-TAG","reservationId":501}""");
        await Command(cp, "reservations/reserve", """{"connectorId":2,"expiryDate":"2099-01-01T00:00:00Z","idTag":"RES-TAG2","reservationId":502}""");
        var reservations = await Server.Api.GetJsonAsync($"/api/v1/chargepoints/{cp}/reservations");
        Assert.Equal([501, 502], reservations.EnumerateArray().Select(r => r.GetProperty("reservationId").GetInt32()).ToArray());

        await charger.CallAsync("StartTransaction", """{"connectorId":1,"idTag":"RES-TAG","meterStart":0,"timestamp":"2026-07-01T00:00:00Z","reservationId":501}""");
        await Command(cp, "reservations/cancel", """{"reservationId":502}""");
        reservations = await Server.Api.GetJsonAsync($"/api/v1/chargepoints/{cp}/reservations");
        Assert.Equal(0, reservations.GetArrayLength());
    }

    [Fact]
    public async Task LocalList_SyncSendsIdTagEntriesAsFullList_DifferentialUpdatesIt()
    {
        const string cp = "CP-LOCALLIST";
        await Server.Api.PutIdTagAsync("LL-A", "Accepted");
        await Server.Api.PutIdTagAsync("LL-B", "Blocked", ",\"parentIdTag\":\"LL-A\"");
        await using var charger = await ConnectAsync(cp, new()
        {
            ["SendLocalList"] = """{"status":"Accepted"}""",
            ["GetLocalListVersion"] = """{"listVersion":2}""",
        });

        using (var response = await Server.Api.PostAsync($"/api/v1/chargepoints/{cp}/commands/local-list/sync", null, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var sent = charger.ReceivedCalls.Single(c => c.Action == "SendLocalList").Payload;
        Assert.Equal(1, sent.GetProperty("listVersion").GetInt32());
        Assert.Equal("Full", sent.GetProperty("updateType").GetString());
        var entries = sent.GetProperty("localAuthorizationList").EnumerateArray().ToDictionary(e => e.GetProperty("idTag").GetString()!, e => e.GetProperty("idTagInfo"));
        Assert.Equal("Accepted", entries["LL-A"].GetProperty("status").GetString());
        Assert.Equal("Blocked", entries["LL-B"].GetProperty("status").GetString());
        Assert.Equal("LL-A", entries["LL-B"].GetProperty("parentIdTag").GetString());

        await Command(cp, "local-list/send", """{"listVersion":2,"updateType":"Differential","localAuthorizationList":[{"idTag":"LL-A"}]}""");
        var list = await Server.Api.GetJsonAsync($"/api/v1/chargepoints/{cp}/local-list");
        Assert.Equal(2, list.GetProperty("version").GetInt32());
        Assert.Equal(["LL-B"], list.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("idTag").GetString()!).ToArray());

        var version = await Command(cp, "local-list/version", "{}");
        Assert.Equal(2, version.GetProperty("listVersion").GetInt32());
    }

    [Fact]
    public async Task Availability_ScheduledAndWholeChargePoint_AreRecorded()
    {
        const string cp = "CP-AVAIL";
        var status = "Scheduled";
        await using var charger = await ConnectAsync(cp, []);
        charger.OnCall = (_, _) => $$"""{"status":"{{status}}"}""";
        await Command(cp, "availability", """{"connectorId":1,"type":"Inoperative"}""");
        var details = await Server.Api.GetJsonAsync($"/api/v1/chargepoints/{cp}/details");
        Assert.True(details.GetProperty("availability").GetProperty("1").GetProperty("scheduled").GetBoolean());

        status = "Accepted";
        await Command(cp, "availability", """{"connectorId":0,"type":"Operative"}""");
        details = await Server.Api.GetJsonAsync($"/api/v1/chargepoints/{cp}/details");
        var availability = details.GetProperty("availability");
        Assert.Equal(["0"], availability.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("Operative", availability.GetProperty("0").GetProperty("type").GetString());
    }

    [Fact]
    public async Task Notifications_FirmwareDiagnosticsLogAndSecurity_AreStoredAndQueryable()
    {
        const string cp = "CP-NOTIFY";
        await using var charger = await ConnectAsync(cp, []);
        await charger.CallAsync("FirmwareStatusNotification", """{"status":"Downloading"}""");
        await charger.CallAsync("FirmwareStatusNotification", """{"status":"Installed"}""");
        await charger.CallAsync("DiagnosticsStatusNotification", """{"status":"Uploaded"}""");
        await charger.CallAsync("SignedFirmwareStatusNotification", """{"status":"SignatureVerified","requestId":7}""");
        await charger.CallAsync("LogStatusNotification", """{"status":"Uploading","requestId":9}""");
        await charger.CallAsync("SecurityEventNotification", """{"type":"FirmwareUpdated","timestamp":"2026-07-01T10:00:00Z","techInfo":"v2"}""");

        var events = await Server.Api.GetJsonAsync($"/api/v1/chargepoints/{cp}/status-events");
        Assert.Equal(
            ["Firmware:Downloading", "Firmware:Installed", "Diagnostics:Uploaded", "SignedFirmware:SignatureVerified", "Log:Uploading"],
            events.EnumerateArray().Select(e => $"{e.GetProperty("kind").GetString()}:{e.GetProperty("status").GetString()}").ToArray());
        Assert.Equal(7, events[3].GetProperty("requestId").GetInt32());
        var security = await Server.Api.GetJsonAsync($"/api/v1/chargepoints/{cp}/security-events");
        Assert.Equal("FirmwareUpdated", security[0].GetProperty("type").GetString());
        Assert.Equal("v2", security[0].GetProperty("techInfo").GetString());

        // Replayed once more: stored once in the queryable table, which filters by charger, type and time.
        await charger.CallAsync("SecurityEventNotification", """{"type":"FirmwareUpdated","timestamp":"2026-07-01T10:00:00Z","techInfo":"v2"}""");
        await charger.CallAsync("SecurityEventNotification", """{"type":"ReconfigurationOfSecurityParameters","timestamp":"2026-07-02T10:00:00Z"}""");
        var stored = await Server.Api.GetJsonAsync($"/api/v1/security-events?chargePointId={cp}");
        Assert.Equal(2, stored.GetProperty("total").GetInt32());
        Assert.Equal(["ReconfigurationOfSecurityParameters", "FirmwareUpdated"], stored.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("type").GetString()));
        var early = await Server.Api.GetJsonAsync($"/api/v1/security-events?chargePointId={cp}&to=2026-07-02T00:00:00Z");
        Assert.Equal("v2", Assert.Single(early.GetProperty("items").EnumerateArray()).GetProperty("techInfo").GetString());
        await Server.Api.GetJsonAsync("/api/v1/security-events?from=yesterday", System.Net.HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("remote-start", """{"idTag":"RS-TAG","connectorId":1}""", "RemoteStartTransaction")]
    [InlineData("remote-stop", """{"transactionId":42}""", "RemoteStopTransaction")]
    [InlineData("reset", """{"type":"Hard"}""", "Reset")]
    [InlineData("unlock", """{"connectorId":1}""", "UnlockConnector")]
    [InlineData("clear-cache", "{}", "ClearCache")]
    [InlineData("trigger", """{"requestedMessage":"StatusNotification","connectorId":1}""", "TriggerMessage")]
    [InlineData("firmware", """{"location":"https://fw.example/cp.bin","retrieveDate":"2026-07-02T00:00:00Z"}""", "UpdateFirmware")]
    [InlineData("diagnostics", """{"location":"ftp://diag.example/"}""", "GetDiagnostics")]
    [InlineData("composite-schedule", """{"connectorId":1,"duration":3600}""", "GetCompositeSchedule")]
    [InlineData("data-transfer", """{"vendorId":"com.example"}""", "DataTransfer")]
    public async Task TypedCommand_SendsItsActionWithTheBody_AndReturnsTheAnswer(string route, string body, string action)
    {
        var cp = $"CP-CMD-{route}";
        await using var charger = await ConnectAsync(cp, []);
        charger.OnCall = (_, _) => action switch
        {
            "UnlockConnector" => """{"status":"Unlocked"}""",
            "GetDiagnostics" => """{"fileName":"diag.zip"}""",
            "UpdateFirmware" => "{}",
            "GetCompositeSchedule" => """{"status":"Rejected"}""",
            _ => """{"status":"Accepted"}""",
        };
        var answer = await Command(cp, route, body);
        var (sentAction, sentPayload) = Assert.Single(charger.ReceivedCalls);
        Assert.Equal(action, sentAction);
        Assert.Equal(JsonDocument.Parse(body).RootElement.GetRawText(), sentPayload.GetRawText());
        Assert.Equal(JsonValueKind.Object, answer.ValueKind);
    }

    [Fact]
    public async Task TypedCommand_InvalidBody_Is422_AndNothingIsSent()
    {
        const string cp = "CP-CMD-BAD";
        await using var charger = await ConnectAsync(cp, []);
        var problem = await Server.Api.SendJsonAsync(HttpMethod.Post, $"/api/v1/chargepoints/{cp}/commands/reset", """{"type":"Gentle"}""", HttpStatusCode.UnprocessableEntity);
        Assert.Equal("PropertyConstraintViolation", problem.GetProperty("errorCode").GetString());
        await Command(cp, "clear-cache", "{}");
        Assert.Equal("ClearCache", Assert.Single(charger.ReceivedCalls).Action);
    }

    private async Task<OcppTestClient> ConnectAsync(string cp, Dictionary<string, string> answers)
    {
        var charger = await OcppTestClient.ConnectAsync(Server.OcppUri(cp));
        charger.OnCall = (action, _) => answers.TryGetValue(action, out var answer) ? answer : """{"status":"Accepted"}""";
        await charger.CallAsync("BootNotification", Ocpp16Payloads.Boot);
        return charger;
    }

    private Task<JsonElement> Command(string cp, string route, string body) =>
        Server.Api.SendJsonAsync(HttpMethod.Post, $"/api/v1/chargepoints/{cp}/commands/{route}", body);

    private static string Profile(int connectorId, int id, int stackLevel, string purpose, decimal limit) =>
        $$$$"""{"connectorId":{{{{connectorId}}}},"csChargingProfiles":{"chargingProfileId":{{{{id}}}},"stackLevel":{{{{stackLevel}}}},"chargingProfilePurpose":"{{{{purpose}}}}","chargingProfileKind":"Absolute","chargingSchedule":{"chargingRateUnit":"A","startSchedule":"2026-07-01T00:00:00Z","chargingSchedulePeriod":[{"startPeriod":0,"limit":{{{{limit}}}}}]}}}""";
}
