using System.Net;
using System.Net.WebSockets;
using System.Text.Json;

namespace CsmsCluster.Server.Tests;

/// <summary>Bad input on the socket gets the specified error; the connection and the node keep working.</summary>
public sealed class BadInputTests() : ServerTest(new Dictionary<string, string?> { ["Csms:Ocpp:MaxFrameBytes"] = "4096" })
{
    [Theory]
    [InlineData("this is not json", "-1", "FormationViolation")]
    [InlineData("{\"not\":\"an array\"}", "-1", "FormationViolation")]
    [InlineData("[2,\"b1\",\"Heartbeat\"]", "b1", "ProtocolError")]
    [InlineData("[2,42,\"Heartbeat\",{}]", "-1", "ProtocolError")]
    [InlineData("[2,\"b2\",\"NoSuchAction\",{}]", "b2", "NotImplemented")]
    [InlineData("[2,\"b3\",\"Reset\",{\"type\":\"Soft\"}]", "b3", "NotSupported")]
    [InlineData("[2,\"b4\",\"BootNotification\",{\"chargePointVendor\":\"V\"}]", "b4", "OccurenceConstraintViolation")]
    [InlineData("[2,\"b5\",\"StartTransaction\",{\"connectorId\":\"1\",\"idTag\":\"T\",\"meterStart\":0,\"timestamp\":\"2026-01-01T00:00:00Z\"}]", "b5", "TypeConstraintViolation")]
    [InlineData("[2,\"b6\",\"StatusNotification\",{\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":\"Bogus\"}]", "b6", "PropertyConstraintViolation")]
    [InlineData("[2,\"b7\",\"Authorize\",{\"idTag\":\"THIS-ID-TAG-IS-FAR-TOO-LONG\"}]", "b7", "PropertyConstraintViolation")]
    [InlineData("[2,\"b8\",\"Heartbeat\",{\"extra\":1}]", "b8", "PropertyConstraintViolation")]
    public async Task BadFrame_GetsSpecifiedCallError_AndConnectionKeepsWorking(string frame, string expectedId, string expectedCode)
    {
        var id = $"CP-BAD-{expectedId}-{expectedCode}";
        await using var charger = await OcppTestClient.ConnectAsync(Server.OcppUri(id.Length > 40 ? id[..40] : id));
        await charger.SendRawAsync(frame);
        var error = await charger.ReceiveUnsolicitedAsync();
        Assert.Equal(5, error.GetArrayLength());
        Assert.Equal(4, error[0].GetInt32());
        Assert.Equal(expectedId, error[1].GetString());
        Assert.Equal(expectedCode, error[2].GetString());
        Assert.False(string.IsNullOrEmpty(error[3].GetString()));
        Assert.Equal(JsonValueKind.Object, error[4].ValueKind);

        var heartbeat = await charger.CallAsync("Heartbeat", "{}");
        Assert.True(heartbeat.TryGetProperty("currentTime", out _));
    }

    [Fact]
    public async Task OversizedFrame_ClosesWith1009_AndNothingAcceptedIsLost()
    {
        const string cp = "CP-BIG";
        await Server.Api.PutIdTagAsync("BIG-TAG", "Accepted");
        var charger = await OcppTestClient.ConnectAsync(Server.OcppUri(cp));
        var txId = (await charger.CallAsync("StartTransaction", Ocpp16Payloads.Start(1, "BIG-TAG", 10, "2026-04-01T00:00:00Z"))).GetProperty("transactionId").GetInt32();
        await charger.SendRawAsync($"[2,\"big\",\"DataTransfer\",{{\"vendorId\":\"v\",\"data\":\"{new string('x', 5000)}\"}}]");
        var status = await charger.Closed.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, status);
        await charger.DisposeAsync();

        // The node keeps working and the transaction accepted before is intact.
        await using var again = await OcppTestClient.ConnectAsync(Server.OcppUri(cp));
        await again.CallAsync("StopTransaction", Ocpp16Payloads.Stop(txId, 110, "2026-04-01T01:00:00Z"));
        var tx = await Server.Api.GetJsonAsync($"/api/v1/transactions/{txId}");
        Assert.Equal(100, tx.GetProperty("energyWh").GetInt64());
    }

    [Fact]
    public async Task NoSupportedSubprotocol_RefusesUpgradeWith400()
    {
        var ex = await Assert.ThrowsAsync<WebSocketException>(() => OcppTestClient.ConnectAsync(Server.OcppUri("CP-PROTO"), subprotocol: "ocpp9.9"));
        Assert.Contains("400", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlainHttpRequest_ToOcppEndpoint_Gets400()
    {
        using var response = await Server.Api.GetAsync("/ocpp/CP-HTTP", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
