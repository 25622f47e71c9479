using System.Net;
using System.Text.Json;
using CsmsCluster.TestSupport;

namespace CsmsCluster.Server.Tests.Api;

/// <summary>CSMS-initiated calls through the HTTP API that are refused before anything reaches the charger.</summary>
public sealed class OcppCallValidationApiTests : ApiTestBase
{
    [Fact]
    public async Task OcppCall_UnknownChargePoint_Is404Problem()
    {
        using var response = await PostOcppAsync(NewId("CP-UNKNOWN"), "Reset", """{"type":"Soft"}""");
        await AssertProblemAsync(response, HttpStatusCode.NotFound, "POST .../ocpp/Reset to an unknown charge point");
    }

    [Fact]
    public async Task OcppCall_RegisteredOrDisconnectedChargePoint_Is409Problem()
    {
        var registered = NewId("CP-409-REG");
        await Server.Api.SendJsonAsync(HttpMethod.Put, $"/api/v1/chargepoints/{registered}", """{"siteId":"S409"}""");
        using (var response = await PostOcppAsync(registered, "Reset", """{"type":"Soft"}"""))
        {
            await AssertProblemAsync(response, HttpStatusCode.Conflict, "POST .../ocpp/Reset to a registered charge point that never connected");
        }

        var gone = NewId("CP-409-GONE");
        await using (var charger = await OcppTestClient.ConnectAsync(Server.OcppUri(gone)))
        {
            await charger.CallAsync("BootNotification", Ocpp16Payloads.Boot);
        }

        await Eventually.WaitAsync(
            async () => !(await Server.Api.GetJsonAsync($"/api/v1/chargepoints/{gone}")).GetProperty("connected").GetBoolean(),
            TimeSpan.FromSeconds(10),
            "the charge point to show as disconnected after its socket closed");
        using (var response = await PostOcppAsync(gone, "Reset", """{"type":"Soft"}"""))
        {
            await AssertProblemAsync(response, HttpStatusCode.Conflict, "POST .../ocpp/Reset to a charge point whose socket closed");
        }
    }

    [Theory]
    [InlineData("Foo")]
    [InlineData("BootNotification")]
    [InlineData("Heartbeat")]
    [InlineData("StartTransaction")]
    [InlineData("StatusNotification")]
    public async Task OcppCall_UnknownOrChargerInitiatedAction_Is404Problem_AndNothingIsSent(string action)
    {
        await AssertRefusedAndNothingSentAsync("CP-404-ACT", action, "{}", HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("Reset", """{"type":"Bogus"}""", "PropertyConstraintViolation")]
    [InlineData("Reset", """{"type":"Soft","extra":1}""", "PropertyConstraintViolation")]
    [InlineData("Reset", """{}""", "OccurrenceConstraintViolation")]
    [InlineData("Reset", """{"type":1}""", "TypeConstraintViolation")]
    [InlineData("ChangeAvailability", """{"connectorId":"1","type":"Operative"}""", "TypeConstraintViolation")]
    [InlineData("ChangeAvailability", """{"connectorId":1}""", "OccurrenceConstraintViolation")]
    [InlineData("UnlockConnector", """{}""", "OccurrenceConstraintViolation")]
    [InlineData("GetConfiguration", """{"key":"HeartbeatInterval"}""", "TypeConstraintViolation")]
    [InlineData("RemoteStartTransaction", """{"idTag":"ID-TAG-OF-21-CHARS-XX"}""", "PropertyConstraintViolation")]
    [InlineData("TriggerMessage", """{"requestedMessage":"Bogus"}""", "PropertyConstraintViolation")]
    public async Task OcppCall_PayloadFailsSchema_Is422WithErrorCode_AndNothingIsSent(string action, string body, string errorCode)
    {
        var problem = await AssertRefusedAndNothingSentAsync("CP-422", action, body, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(errorCode, problem.GetProperty("errorCode").GetString());
    }

    /// <summary>Every CSMS-initiated OCPP 1.6 action (including the security extension).</summary>
    public static TheoryData<string> CsmsInitiatedActions() => [.. Ocpp.OcppActionCatalog.CsmsInitiated(Ocpp.OcppVersion.V16).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(CsmsInitiatedActions))]
    public async Task OcppCall_EveryCsmsAction_UnknownProperty_Is422_AndNothingIsSent(string action)
    {
        // Every 1.6 request schema forbids additional properties, so this payload fails each one.
        var problem = await AssertRefusedAndNothingSentAsync("CP-422-ALL", action, """{"notAnOcppField":true}""", HttpStatusCode.UnprocessableEntity);
        Assert.Contains(problem.GetProperty("errorCode").GetString(), new[] { "PropertyConstraintViolation", "OccurrenceConstraintViolation", "OccurenceConstraintViolation" });
    }

    [Theory]
    [InlineData("""{"type":""")]
    [InlineData("""not json""")]
    [InlineData("""{"type":"Soft"} trailing""")]
    public async Task OcppCall_InvalidJsonBody_Is400Problem_AndNothingIsSent(string body)
    {
        await AssertRefusedAndNothingSentAsync("CP-400-JSON", "Reset", body, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("301")]
    [InlineData("abc")]
    public async Task OcppCall_InvalidTimeout_Is400Problem_AndNothingIsSent(string timeout)
    {
        await AssertRefusedAndNothingSentAsync("CP-400-TMO", "Reset", """{"type":"Soft"}""", HttpStatusCode.BadRequest, $"?timeout={timeout}");
    }

    /// <summary>
    /// Posts a request the API must refuse with <paramref name="expected"/> for a connected, booted charger, checks that
    /// nothing of it reached the charger, and returns the problem document.
    /// </summary>
    private async Task<JsonElement> AssertRefusedAndNothingSentAsync(string idPrefix, string action, string body, HttpStatusCode expected, string query = "")
    {
        var cp = NewId(idPrefix);
        await using var charger = await ConnectAnsweringAsync(cp);
        JsonElement problem;
        using (var response = await PostOcppAsync(cp, action, body, query))
        {
            problem = await AssertProblemAsync(response, expected, $"POST .../ocpp/{action}{query} with {body}");
        }

        await AssertOnlyThisCallReachesChargerAsync(cp, charger);
        return problem;
    }

    /// <summary>A connected, booted charger that answers every CSMS call with {"status":"Accepted"}.</summary>
    private async Task<OcppTestClient> ConnectAnsweringAsync(string chargePointId)
    {
        var charger = await OcppTestClient.ConnectAsync(Server.OcppUri(chargePointId));
        charger.OnCall = (_, _) => """{"status":"Accepted"}""";
        await charger.CallAsync("BootNotification", Ocpp16Payloads.Boot);
        return charger;
    }

    /// <summary>
    /// Sends one valid call and checks it is the only call the charger ever received: frames on one socket arrive in
    /// order, so anything sent by an earlier (refused) request would have arrived before it.
    /// </summary>
    private async Task AssertOnlyThisCallReachesChargerAsync(string chargePointId, OcppTestClient charger)
    {
        using (var response = await PostOcppAsync(chargePointId, "ChangeAvailability", """{"connectorId":0,"type":"Operative"}"""))
        {
            var body = await response.Content.ReadAsStringAsync(Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected HTTP 200 but got {(int)response.StatusCode}: {body}");
            Assert.Equal("Accepted", JsonDocument.Parse(body).RootElement.GetProperty("status").GetString());
        }

        var received = charger.ReceivedCalls.ToArray();
        Assert.True(
            received is [("ChangeAvailability", _)],
            $"The charger received more than the one valid call: {string.Join(", ", received.Select(c => $"{c.Action} {c.Payload.GetRawText()}"))}");
    }
}
