using System.Net;
using System.Text.Json;

namespace CsmsCluster.Server.Tests.Api;

/// <summary>The transaction resource of the HTTP API: unknown ids, filters, paging and the item shape.</summary>
public sealed class TransactionApiTests : ApiTestBase
{
    [Fact]
    public async Task ListTransactions_FiltersByChargePointIdTagAndTime_AndPages()
    {
        var cpA = NewId("CP-TXA");
        var cpB = NewId("CP-TXB");
        var tagX = NewId("TX-X", 20);
        var tagY = NewId("TX-Y", 20);
        await Server.Api.PutIdTagAsync(tagX, "Accepted");
        await Server.Api.PutIdTagAsync(tagY, "Accepted");

        int tx1, tx2, tx3;
        await using (var a = await OcppTestClient.ConnectAsync(Server.OcppUri(cpA)))
        await using (var b = await OcppTestClient.ConnectAsync(Server.OcppUri(cpB)))
        {
            tx1 = await StartAsync(a, 1, tagX, 100, "2031-05-01T10:00:00Z");
            await a.CallAsync("StopTransaction", Ocpp16Payloads.Stop(tx1, 600, "2031-05-01T11:00:00Z", tagX));
            tx2 = await StartAsync(a, 2, tagY, 2000, "2031-05-02T10:00:00Z");
            tx3 = await StartAsync(b, 1, tagX, 50, "2031-05-03T10:00:00Z");
        }

        Assert.Equal(new[] { tx2, tx1 }, await IdsAsync($"chargePointId={cpA}", 2));
        Assert.Equal(new[] { tx3 }, await IdsAsync($"chargePointId={cpB}", 1));
        Assert.Equal(new[] { tx3, tx1 }, await IdsAsync($"idTag={tagX}", 2));
        Assert.Equal(new[] { tx2 }, await IdsAsync($"chargePointId={cpA}&idTag={tagY}", 1));
        Assert.Empty(await IdsAsync($"chargePointId={cpB}&idTag={tagY}", 0));
        Assert.Empty(await IdsAsync($"chargePointId={NewId("CP-NONE")}", 0));

        // from is inclusive, to exclusive, both on the start time; offsets are honoured.
        Assert.Equal(new[] { tx2 }, await IdsAsync("from=2031-05-02T00:00:00Z&to=2031-05-03T00:00:00Z", 1));
        Assert.Equal(new[] { tx1 }, await IdsAsync("from=2031-05-01T10:00:00Z&to=2031-05-02T10:00:00Z", 1));
        Assert.Equal(new[] { tx3, tx2 }, await IdsAsync("from=2031-05-02T12:00:00%2B02:00&to=2031-06-01T00:00:00Z", 2));
        Assert.Equal(new[] { tx3, tx1 }, await IdsAsync($"idTag={tagX}&from=2031-04-01T00:00:00Z", 2));
        Assert.Equal(new[] { tx1 }, await IdsAsync($"chargePointId={cpA}&to=2031-05-02T00:00:00Z", 1));

        // Pages, newest first.
        var page1 = await Server.Api.GetJsonAsync($"/api/v1/transactions?chargePointId={cpA}&pageSize=1");
        Assert.Equal(2, page1.GetProperty("total").GetInt32());
        Assert.Equal(1, page1.GetProperty("page").GetInt32());
        Assert.Equal(1, page1.GetProperty("pageSize").GetInt32());
        Assert.Equal(tx2, Assert.Single(page1.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt32());
        var page2 = await Server.Api.GetJsonAsync($"/api/v1/transactions?chargePointId={cpA}&pageSize=1&page=2");
        Assert.Equal(2, page2.GetProperty("page").GetInt32());
        Assert.Equal(tx1, Assert.Single(page2.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt32());
        var page3 = await Server.Api.GetJsonAsync($"/api/v1/transactions?chargePointId={cpA}&pageSize=1&page=3");
        Assert.Equal(2, page3.GetProperty("total").GetInt32());
        Assert.Equal(0, page3.GetProperty("items").GetArrayLength());

        // List items carry the shape without meter values; the stopped one has its energy, the open one none.
        var items = (await Server.Api.GetJsonAsync($"/api/v1/transactions?chargePointId={cpA}")).GetProperty("items");
        var stopped = items.EnumerateArray().Single(t => t.GetProperty("id").GetInt32() == tx1);
        Assert.Equal(cpA, stopped.GetProperty("chargePointId").GetString());
        Assert.Equal(tagX, stopped.GetProperty("idTag").GetString());
        Assert.Equal(1, stopped.GetProperty("connectorId").GetInt32());
        Assert.Equal(100, stopped.GetProperty("meterStart").GetInt64());
        Assert.Equal(600, stopped.GetProperty("meterStop").GetInt64());
        Assert.Equal(500, stopped.GetProperty("energyWh").GetInt64());
        Assert.Equal(new DateTimeOffset(2031, 5, 1, 10, 0, 0, TimeSpan.Zero), stopped.GetProperty("startTime").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2031, 5, 1, 11, 0, 0, TimeSpan.Zero), stopped.GetProperty("stopTime").GetDateTimeOffset());
        Assert.False(stopped.TryGetProperty("meterValues", out _));
        var open = items.EnumerateArray().Single(t => t.GetProperty("id").GetInt32() == tx2);
        Assert.Equal(2, open.GetProperty("connectorId").GetInt32());
        Assert.Equal(JsonValueKind.Null, open.GetProperty("stopTime").ValueKind);
        Assert.Equal(JsonValueKind.Null, open.GetProperty("energyWh").ValueKind);

        var detail = await Server.Api.GetJsonAsync($"/api/v1/transactions/{tx2}");
        Assert.Equal(2000, detail.GetProperty("meterStart").GetInt64());
        Assert.Equal(0, detail.GetProperty("meterValues").GetArrayLength());

        async Task<List<int>> IdsAsync(string query, int expectedTotal)
        {
            var page = await Server.Api.GetJsonAsync($"/api/v1/transactions?{query}");
            Assert.True(page.GetProperty("total").GetInt32() == expectedTotal, $"GET /transactions?{query}: expected total {expectedTotal}, got {page.GetRawText()}");
            return [.. page.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetInt32())];
        }
    }

    [Theory]
    [InlineData("987654321")]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("abc")]
    public async Task GetTransaction_Unknown_Is404Problem(string id)
    {
        using var response = await Server.Api.GetAsync($"/api/v1/transactions/{id}", Ct);
        await AssertProblemAsync(response, HttpStatusCode.NotFound, $"GET /transactions/{id}");
    }

    private static async Task<int> StartAsync(OcppTestClient charger, int connectorId, string idTag, int meterStart, string timestamp)
    {
        var start = await charger.CallAsync("StartTransaction", Ocpp16Payloads.Start(connectorId, idTag, meterStart, timestamp));
        Assert.Equal("Accepted", start.GetProperty("idTagInfo").GetProperty("status").GetString());
        return start.GetProperty("transactionId").GetInt32();
    }
}
