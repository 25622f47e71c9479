using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CsmsCluster.Server.Tests.Api;

/// <summary>CSMS-initiated calls through the HTTP API as the charger answers them: with a result, an error, late, or one at a time.</summary>
public sealed class OcppCallAnswerApiTests : ApiTestBase
{
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task OcppCall_ChargerAnswers_Is200WithExactlyItsPayload()
    {
        var cp = NewId("CP-200");
        const string answer = """{"configurationKey":[{"key":"HeartbeatInterval","readonly":false,"value":"300"},{"key":"NumberOfConnectors","readonly":true,"value":"2"}],"unknownKey":["NoSuchKey"]}""";
        await using var charger = await OcppTestClient.ConnectAsync(Server.OcppUri(cp));
        charger.OnCall = (action, _) => action == "GetConfiguration" ? answer : null;
        await charger.CallAsync("BootNotification", Ocpp16Payloads.Boot);

        const string request = """{"key":["HeartbeatInterval","NumberOfConnectors","NoSuchKey"]}""";
        using var response = await PostOcppAsync(cp, "GetConfiguration", request);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected HTTP 200 but got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(answer), JsonNode.Parse(body)), $"Expected exactly the charger's payload {answer}, got {body}");

        var (receivedAction, receivedPayload) = Assert.Single(charger.ReceivedCalls);
        Assert.Equal("GetConfiguration", receivedAction);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(request), JsonNode.Parse(receivedPayload.GetRawText())), $"The charger got {receivedPayload.GetRawText()}, expected {request}");
    }

    [Fact]
    public async Task OcppCall_ChargerAnswersCallError_Is502WithErrorCodeAndDescription()
    {
        var cp = NewId("CP-502");
        await using var charger = await ConnectBootedAsync(cp);
        charger.AnswerCall = _ => OcppCallAnswer.Error("InternalError", "Relay welded, cannot reset", """{"relay":2}""");

        using var response = await PostOcppAsync(cp, "Reset", """{"type":"Hard"}""").WaitAsync(AnswerTimeout, Ct);
        var problem = await AssertProblemAsync(response, HttpStatusCode.BadGateway, "POST .../ocpp/Reset answered with a CALLERROR");
        Assert.Equal("InternalError", problem.GetProperty("errorCode").GetString());
        Assert.Equal("Relay welded, cannot reset", problem.GetProperty("errorDescription").GetString());

        var call = Assert.Single(charger.IncomingCalls);
        Assert.Equal("Reset", call.Action);
        Assert.Equal("Hard", call.Payload.GetProperty("type").GetString());
        AssertNoOtherFrames(charger);
    }

    [Fact]
    public async Task OcppCall_NoAnswerWithinTimeout_Is504_AndTheSlotIsFreed()
    {
        var cp = NewId("CP-504");
        await using var charger = await ConnectBootedAsync(cp);

        var post = PostOcppAsync(cp, "Reset", """{"type":"Soft"}""", "?timeout=1");
        var unanswered = await charger.NextCallAsync(AnswerTimeout);
        Assert.Equal("Reset", unanswered.Action);
        using (var response = await post.WaitAsync(AnswerTimeout, Ct))
        {
            await AssertProblemAsync(response, HttpStatusCode.GatewayTimeout, "POST .../ocpp/Reset?timeout=1 without an answer");
        }

        // The outstanding-call slot was freed: the next call is sent, and the late answer to the timed-out call is
        // neither taken for the next call's answer nor breaks the connection.
        var next = PostOcppAsync(cp, "ChangeAvailability", """{"connectorId":1,"type":"Inoperative"}""");
        var second = await charger.NextCallAsync(AnswerTimeout);
        Assert.Equal("ChangeAvailability", second.Action);
        Assert.NotEqual(unanswered.UniqueId, second.UniqueId);
        await charger.AnswerAsync(unanswered.UniqueId, """{"status":"Rejected"}""");
        await charger.AnswerAsync(second.UniqueId, """{"status":"Scheduled"}""");
        using (var response = await next.WaitAsync(AnswerTimeout, Ct))
        {
            var body = await response.Content.ReadAsStringAsync(Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected HTTP 200 but got {(int)response.StatusCode}: {body}");
            Assert.Equal("Scheduled", JsonDocument.Parse(body).RootElement.GetProperty("status").GetString());
        }

        var third = PostOcppAsync(cp, "Reset", """{"type":"Soft"}""");
        var thirdCall = await charger.NextCallAsync(AnswerTimeout);
        await charger.AnswerAsync(thirdCall.UniqueId, """{"status":"Accepted"}""");
        using (var response = await third.WaitAsync(AnswerTimeout, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // A CALLRESULT (a CALLERROR would throw), and nothing else came in between.
        var heartbeat = await charger.CallAsync("Heartbeat", "{}", AnswerTimeout);
        Assert.Equal(JsonValueKind.String, heartbeat.GetProperty("currentTime").ValueKind);
        Assert.Equal(["Reset", "ChangeAvailability", "Reset"], charger.IncomingCalls.Select(c => c.Action));
        AssertNoOtherFrames(charger);
    }

    [Fact]
    public async Task OcppCall_ConcurrentCommands_AreSentOneAtATime()
    {
        var cp = NewId("CP-SERIAL");
        await using var charger = await ConnectBootedAsync(cp);

        var first = PostOcppAsync(cp, "GetConfiguration", """{"key":["A"]}""");
        var second = PostOcppAsync(cp, "GetConfiguration", """{"key":["B"]}""");
        var callOne = await charger.NextCallAsync(AnswerTimeout);

        // While the first CALL is unanswered, the second must not be on the wire (one outstanding CALL per direction).
        var early = await charger.TryNextCallAsync(TimeSpan.FromSeconds(1));
        Assert.True(early is null, $"A second CALL was sent before the first was answered: {early?.Action} {early?.Payload.GetRawText()}");
        AssertNoOtherFrames(charger);

        await charger.AnswerAsync(callOne.UniqueId, AnswerFor(callOne));
        var callTwo = await charger.NextCallAsync(AnswerTimeout);
        Assert.NotEqual(callOne.UniqueId, callTwo.UniqueId);
        await charger.AnswerAsync(callTwo.UniqueId, AnswerFor(callTwo));

        var keys = new[] { KeyOf(callOne), KeyOf(callTwo) }.Order(StringComparer.Ordinal);
        Assert.Equal(new[] { "A", "B" }, keys);
        foreach (var (post, key) in new[] { (first, "A"), (second, "B") })
        {
            using var response = await post.WaitAsync(AnswerTimeout, Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected HTTP 200 but got {(int)response.StatusCode}: {body}");
            Assert.Equal(key, JsonDocument.Parse(body).RootElement.GetProperty("unknownKey")[0].GetString());
        }

        AssertNoOtherFrames(charger);

        static string KeyOf(OcppIncomingCall call) => call.Payload.GetProperty("key")[0].GetString()!;
        static string AnswerFor(OcppIncomingCall call) => $$"""{"configurationKey":[],"unknownKey":["{{KeyOf(call)}}"]}""";
    }

    /// <summary>A connected, booted charger that leaves every CSMS call unanswered until the test answers it.</summary>
    private async Task<OcppTestClient> ConnectBootedAsync(string chargePointId)
    {
        var charger = await OcppTestClient.ConnectAsync(Server.OcppUri(chargePointId));
        await charger.CallAsync("BootNotification", Ocpp16Payloads.Boot, AnswerTimeout);
        return charger;
    }

    /// <summary>
    /// No frame reached the charger but the CSMS's CALLs and the answers to its own CALLs: a stray frame (say a
    /// CALLERROR for a late answer) would mean the CSMS mishandled the wire.
    /// </summary>
    private static void AssertNoOtherFrames(OcppTestClient charger)
    {
        if (charger.TryTakeUnsolicited(out var frame))
        {
            Assert.Fail($"The charger got a frame that answers nothing it sent: {frame.GetRawText()}");
        }
    }
}
