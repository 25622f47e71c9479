using System.Text.Json;
using CsmsCluster.TestSupport;

namespace CsmsCluster.Server.Tests;

/// <summary>A full charging session over a real WebSocket against the real server, on both databases.</summary>
public sealed class ChargingSessionTests
{
    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task FullSession_OverWebSocket_IsVisibleThroughApi(StorageKind kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        await using var server = await CsmsTestServer.StartAsync(db);
        var cp = $"CP-{kind}-{Guid.NewGuid():N}"[..24];
        var tag = $"T{Guid.NewGuid():N}"[..12];
        await server.Api.PutIdTagAsync(tag, "Accepted");

        await using (var charger = await OcppTestClient.ConnectAsync(server.OcppUri(cp)))
        {
            Assert.Equal("ocpp1.6", charger.SubProtocol);
            var boot = await charger.CallAsync("BootNotification", Ocpp16Payloads.Boot);
            Assert.Equal("Accepted", boot.GetProperty("status").GetString());
            Assert.Equal(300, boot.GetProperty("interval").GetInt32());
            await charger.CallAsync("StatusNotification", Ocpp16Payloads.Status(1, "Available"));
            var auth = await charger.CallAsync("Authorize", Ocpp16Payloads.Authorize(tag));
            Assert.Equal("Accepted", auth.GetProperty("idTagInfo").GetProperty("status").GetString());

            var start = await charger.CallAsync("StartTransaction", Ocpp16Payloads.Start(1, tag, 1000, "2026-03-01T10:00:00Z"));
            Assert.Equal("Accepted", start.GetProperty("idTagInfo").GetProperty("status").GetString());
            var txId = start.GetProperty("transactionId").GetInt32();
            await charger.CallAsync("StatusNotification", Ocpp16Payloads.Status(1, "Charging"));

            var during = await server.Api.GetJsonAsync($"/api/v1/chargepoints/{cp}");
            Assert.True(during.GetProperty("connected").GetBoolean());
            Assert.Equal(txId, Connector(during, 1).GetProperty("transactionId").GetInt32());
            Assert.Equal("Charging", Connector(during, 1).GetProperty("status").GetString());

            await charger.CallAsync("MeterValues", Ocpp16Payloads.Meter(1, txId, "2026-03-01T10:15:00Z", 3500));
            await charger.CallAsync("MeterValues", Ocpp16Payloads.Meter(1, txId, "2026-03-01T10:30:00Z", 6000));
            await charger.CallAsync("Heartbeat", "{}");
            var stop = await charger.CallAsync("StopTransaction", Ocpp16Payloads.Stop(txId, 8250, "2026-03-01T10:45:00Z", tag));
            Assert.Equal("Accepted", stop.GetProperty("idTagInfo").GetProperty("status").GetString());
            await charger.CallAsync("StatusNotification", Ocpp16Payloads.Status(1, "Available"));

            var view = await server.Api.GetJsonAsync($"/api/v1/chargepoints/{cp}");
            Assert.Equal(cp, view.GetProperty("id").GetString());
            Assert.Equal("TestVendor", view.GetProperty("boot").GetProperty("vendor").GetString());
            Assert.Equal("TM-1", view.GetProperty("boot").GetProperty("model").GetString());
            Assert.Equal("SN-1", view.GetProperty("boot").GetProperty("serialNumber").GetString());
            Assert.Equal("1.2.3", view.GetProperty("boot").GetProperty("firmwareVersion").GetString());
            Assert.Equal("ocpp1.6", view.GetProperty("ocppVersion").GetString());
            Assert.Equal("Available", Connector(view, 1).GetProperty("status").GetString());
            Assert.Equal(JsonValueKind.Null, Connector(view, 1).GetProperty("transactionId").ValueKind);

            var list = await server.Api.GetJsonAsync($"/api/v1/transactions?chargePointId={cp}");
            Assert.Equal(1, list.GetProperty("total").GetInt32());
            var tx = list.GetProperty("items")[0];
            Assert.Equal(txId, tx.GetProperty("id").GetInt32());
            Assert.Equal(7250, tx.GetProperty("energyWh").GetInt64());
            Assert.Equal(tag, tx.GetProperty("idTag").GetString());

            var detail = await server.Api.GetJsonAsync($"/api/v1/transactions/{txId}");
            Assert.Equal(1000, detail.GetProperty("meterStart").GetInt64());
            Assert.Equal(8250, detail.GetProperty("meterStop").GetInt64());
            Assert.Equal("Local", detail.GetProperty("stopReason").GetString());
            var meterValues = detail.GetProperty("meterValues");
            Assert.Equal(2, meterValues.GetArrayLength());
            Assert.Equal("3500", meterValues[0].GetProperty("sampledValue")[0].GetProperty("value").GetString());
            Assert.Equal("Energy.Active.Import.Register", meterValues[0].GetProperty("sampledValue")[0].GetProperty("measurand").GetString());
        }

        await Eventually.WaitAsync(
            async () => !(await server.Api.GetJsonAsync($"/api/v1/chargepoints/{cp}")).GetProperty("connected").GetBoolean(),
            TimeSpan.FromSeconds(10),
            "the charge point to show as disconnected after its socket closed");
        var listed = await server.Api.GetJsonAsync("/api/v1/chargepoints?pageSize=500");
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetString() == cp && !c.GetProperty("connected").GetBoolean());
    }

    [Fact]
    public async Task Restart_KeepsChargePointConnectorsAndTransactions()
    {
        await using var db = await TestDatabase.CreateAsync(StorageKind.Sqlite);
        const string cp = "CP-RESTART";
        int txId;
        await using (var server = await CsmsTestServer.StartAsync(db))
        {
            await server.Api.PutIdTagAsync("RESTART-TAG", "Accepted");
            await using var charger = await OcppTestClient.ConnectAsync(server.OcppUri(cp));
            await charger.CallAsync("BootNotification", Ocpp16Payloads.Boot);
            await charger.CallAsync("StatusNotification", Ocpp16Payloads.Status(2, "Preparing"));
            txId = (await charger.CallAsync("StartTransaction", Ocpp16Payloads.Start(2, "RESTART-TAG", 500, "2026-03-02T08:00:00Z"))).GetProperty("transactionId").GetInt32();
            await charger.CallAsync("MeterValues", Ocpp16Payloads.Meter(2, txId, "2026-03-02T08:10:00Z", 900));
            await charger.CallAsync("StopTransaction", Ocpp16Payloads.Stop(txId, 1700, "2026-03-02T08:20:00Z"));
            await charger.CallAsync("StatusNotification", Ocpp16Payloads.Status(2, "Finishing"));
        }

        await using (var restarted = await CsmsTestServer.StartAsync(db))
        {
            var view = await restarted.Api.GetJsonAsync($"/api/v1/chargepoints/{cp}");
            Assert.False(view.GetProperty("connected").GetBoolean());
            Assert.Equal("TestVendor", view.GetProperty("boot").GetProperty("vendor").GetString());
            Assert.Equal("Finishing", Connector(view, 2).GetProperty("status").GetString());
            var tx = await restarted.Api.GetJsonAsync($"/api/v1/transactions/{txId}");
            Assert.Equal(1200, tx.GetProperty("energyWh").GetInt64());
            Assert.Equal(1, tx.GetProperty("meterValues").GetArrayLength());

            // The restarted node hands out new transaction ids that never collide with the old ones.
            await using var charger = await OcppTestClient.ConnectAsync(restarted.OcppUri(cp));
            var next = (await charger.CallAsync("StartTransaction", Ocpp16Payloads.Start(2, "RESTART-TAG", 1700, "2026-03-02T09:00:00Z"))).GetProperty("transactionId").GetInt32();
            Assert.NotEqual(txId, next);
        }
    }

    [Fact]
    public async Task Replays_ReturnSameTransactionIdAndAreNotCountedTwice()
    {
        await using var db = await TestDatabase.CreateAsync(StorageKind.Sqlite);
        await using var server = await CsmsTestServer.StartAsync(db);
        const string cp = "CP-REPLAY";
        await server.Api.PutIdTagAsync("REPLAY-TAG", "Accepted");
        var start = Ocpp16Payloads.Start(1, "REPLAY-TAG", 100, "2026-03-03T12:00:00Z");
        int first;
        await using (var charger = await OcppTestClient.ConnectAsync(server.OcppUri(cp)))
        {
            first = (await charger.CallAsync("StartTransaction", start)).GetProperty("transactionId").GetInt32();
            await charger.CallAsync("MeterValues", Ocpp16Payloads.Meter(1, first, "2026-03-03T12:05:00Z", 300));
        }

        // A reconnect (no BootNotification) replays the queued messages.
        await using (var charger = await OcppTestClient.ConnectAsync(server.OcppUri(cp)))
        {
            var again = (await charger.CallAsync("StartTransaction", start)).GetProperty("transactionId").GetInt32();
            Assert.Equal(first, again);
            await charger.CallAsync("MeterValues", Ocpp16Payloads.Meter(1, first, "2026-03-03T12:05:00Z", 300));
            await charger.CallAsync("StopTransaction", Ocpp16Payloads.Stop(first, 700, "2026-03-03T12:10:00Z"));
            await charger.CallAsync("StopTransaction", Ocpp16Payloads.Stop(first, 700, "2026-03-03T12:10:00Z"));

            // A different start (another meterStart) is a new transaction.
            var other = (await charger.CallAsync("StartTransaction", Ocpp16Payloads.Start(1, "REPLAY-TAG", 700, "2026-03-03T12:20:00Z"))).GetProperty("transactionId").GetInt32();
            Assert.NotEqual(first, other);
        }

        var list = await server.Api.GetJsonAsync($"/api/v1/transactions?chargePointId={cp}");
        Assert.Equal(2, list.GetProperty("total").GetInt32());
        var tx = await server.Api.GetJsonAsync($"/api/v1/transactions/{first}");
        Assert.Equal(600, tx.GetProperty("energyWh").GetInt64());
        Assert.Equal(1, tx.GetProperty("meterValues").GetArrayLength());
    }

    [Theory]
    [InlineData("Blocked", null, "Blocked")]
    [InlineData("Accepted", ",\"expiryDate\":\"2020-01-01T00:00:00Z\"", "Expired")]
    [InlineData("Accepted", ",\"expiryDate\":\"2099-01-01T00:00:00Z\",\"parentIdTag\":\"FLEET\"", "Accepted")]
    [InlineData(null, null, "Invalid")]
    public async Task Authorize_AnswersFromIdTagEntries(string? status, string? extra, string expected)
    {
        await using var db = await TestDatabase.CreateAsync(StorageKind.Sqlite);
        await using var server = await CsmsTestServer.StartAsync(db);
        var tag = $"A{Guid.NewGuid():N}"[..15];
        if (status is not null)
        {
            await server.Api.PutIdTagAsync(tag, status, extra);
        }

        await using var charger = await OcppTestClient.ConnectAsync(server.OcppUri("CP-AUTH"));
        var info = (await charger.CallAsync("Authorize", Ocpp16Payloads.Authorize(tag))).GetProperty("idTagInfo");
        Assert.Equal(expected, info.GetProperty("status").GetString());
        if (extra?.Contains("FLEET", StringComparison.Ordinal) == true)
        {
            Assert.Equal("FLEET", info.GetProperty("parentIdTag").GetString());
        }

        // A start with a tag that is not accepted still gets an id (the charger then stops it), with the status.
        var start = await charger.CallAsync("StartTransaction", Ocpp16Payloads.Start(1, tag, 0, "2026-03-04T00:00:00Z"));
        Assert.True(start.GetProperty("transactionId").GetInt32() > 0);
        Assert.Equal(expected, start.GetProperty("idTagInfo").GetProperty("status").GetString());
    }

    [Fact]
    public async Task TransactionIds_AreUniqueAcrossChargePoints()
    {
        await using var db = await TestDatabase.CreateAsync(StorageKind.Postgres);
        await using var server = await CsmsTestServer.StartAsync(db);
        var chargers = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => OcppTestClient.ConnectAsync(server.OcppUri($"CP-IDS-{i}"))));
        var ids = await Task.WhenAll(chargers.SelectMany((c, i) => Enumerable.Range(0, 4).Select(async n =>
            (await c.CallAsync("StartTransaction", Ocpp16Payloads.Start(n + 1, "ANY", i * 100 + n, "2026-03-05T00:00:00Z"))).GetProperty("transactionId").GetInt32())));
        Assert.Equal(ids.Length, ids.Distinct().Count());
        foreach (var c in chargers)
        {
            await c.DisposeAsync();
        }
    }

    private static JsonElement Connector(JsonElement chargePoint, int connectorId) =>
        chargePoint.GetProperty("connectors").EnumerateArray().Single(c => c.GetProperty("connectorId").GetInt32() == connectorId);
}
