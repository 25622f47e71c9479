using System.Text;
using System.Text.Json;
using CsmsCluster.TestSupport;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CsmsCluster.Server.Tests.Sites;

/// <summary>
/// A charge point's record of a site-issued TxProfile is written behind (the site owns that limit durably): not before
/// the answer is handled, but after the write-behind delay, or when the grain deactivates, whichever comes first.
/// </summary>
public sealed class SiteProfileRecordTests
{
    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task SiteTxProfile_IsHeldBackFromStorage_AndWrittenWhenTheNodeStops(StorageKind kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        var site = $"WB-{kind}";
        var cp = $"WB-CP-{kind}";
        var settings = new Dictionary<string, string?>(SiteSmartChargingTests.FastLoop) { ["Csms:Ocpp:RecordBehindDelay"] = "01:00:00" };
        await using (var server = await CsmsTestServer.StartAsync(db, settings))
        {
            await using var charger = await ConvergeAsync(server, site, cp);
            await DecreaseAsync(server, site, cp);

            // The charger accepted 14 A and the grain holds it, but nothing has written the charge point since: the
            // stored record is whatever the last write before it held (the earlier limit, or none).
            Assert.NotEqual(14, StoredTxLimit(await StoredStateAsync(db, cp)));
            await server.StopAsync();
        }

        Assert.Equal(14, StoredTxLimit(await StoredStateAsync(db, cp)));
        await using var restarted = await CsmsTestServer.StartAsync(db, settings);
        Assert.Equal(14, DetailsTxLimit(await restarted.Api.GetJsonAsync($"/api/v1/chargepoints/{cp}/details")));
    }

    [Fact]
    public async Task SiteTxProfile_IsWrittenAfterTheDelay_WithoutAnyOtherWrite()
    {
        await using var db = await TestDatabase.CreateAsync(StorageKind.Sqlite);
        var settings = new Dictionary<string, string?>(SiteSmartChargingTests.FastLoop) { ["Csms:Ocpp:RecordBehindDelay"] = "00:00:00.200" };
        await using var server = await CsmsTestServer.StartAsync(db, settings);
        await using var charger = await ConvergeAsync(server, "WB-DELAY", "WB-DELAY-CP");
        await DecreaseAsync(server, "WB-DELAY", "WB-DELAY-CP");

        await Eventually.WaitAsync(
            async () => StoredTxLimit(await StoredStateAsync(db, "WB-DELAY-CP")) == 14,
            TimeSpan.FromSeconds(10),
            "the 14 A profile to be written within twice the write-behind delay");
    }

    /// <summary>One charger on a 20 A site, its session driven to the whole 20 A.</summary>
    private static async Task<SiteCharger> ConvergeAsync(CsmsTestServer server, string site, string cp)
    {
        var ledger = new SiteLedger(20);
        await server.Api.SendJsonAsync(HttpMethod.Put, $"/api/v1/sites/{site}", """{"limit":20,"unit":"A","margin":0}""");
        await server.Api.SendJsonAsync(HttpMethod.Put, $"/api/v1/chargepoints/{cp}", $$"""{"siteId":"{{site}}","maxCurrent":32,"phases":3}""");
        var charger = await SiteCharger.ConnectAsync(server, cp, ledger);
        await charger.StartAsync();
        await SiteSmartChargingTests.DriveUntilAsync([charger], () => ledger.AllAt([cp], 20), "the site limit of 20 A");
        await Eventually.WaitAsync(
            async () => DetailsTxLimit(await server.Api.GetJsonAsync($"/api/v1/chargepoints/{cp}/details")) == 20,
            SiteSmartChargingTests.Converge,
            "the charge point to record the 20 A profile");
        return charger;
    }

    /// <summary>Lowers the site limit to 14 A (no charger message follows) and waits until the grain holds the profile.</summary>
    private static async Task DecreaseAsync(CsmsTestServer server, string site, string cp)
    {
        await server.Api.SendJsonAsync(HttpMethod.Put, $"/api/v1/sites/{site}", """{"limit":14,"unit":"A","margin":0}""");
        await Eventually.WaitAsync(
            async () => DetailsTxLimit(await server.Api.GetJsonAsync($"/api/v1/chargepoints/{cp}/details")) == 14,
            SiteSmartChargingTests.Converge,
            "the charge point to record the 14 A decrease");
    }

    private static double DetailsTxLimit(JsonElement details) =>
        TxLimit(details.GetProperty("chargingProfiles").EnumerateArray()
            .Select(p => (p.GetProperty("purpose").GetString(), p.GetProperty("profileJson").GetString())));

    private static double StoredTxLimit(JsonElement state) =>
        TxLimit(state.GetProperty("ChargingProfiles").EnumerateArray()
            .Select(p => (p.GetProperty("Purpose").GetString(), p.GetProperty("ProfileJson").GetString())));

    /// <summary>The limit of the one TxProfile among the profiles, or 0 when there is none.</summary>
    private static double TxLimit(IEnumerable<(string? Purpose, string? Json)> profiles)
    {
        var tx = profiles.Where(p => p.Purpose == "TxProfile").ToList();
        if (tx.Count == 0)
        {
            return 0;
        }

        using var profile = JsonDocument.Parse(Assert.Single(tx).Json!);
        return profile.RootElement.GetProperty("chargingSchedule").GetProperty("chargingSchedulePeriod")[0].GetProperty("limit").GetDouble();
    }

    /// <summary>The charge point grain's state as stored, read from the database directly.</summary>
    private static async Task<JsonElement> StoredStateAsync(TestDatabase db, string cp)
    {
        const string sql = "SELECT payload FROM grain_state WHERE grain_type = 'charge-point' AND grain_key = @key";
        byte[] payload;
        if (db.Kind == StorageKind.Postgres)
        {
            await using var connection = new NpgsqlConnection(db.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("key", cp);
            payload = (byte[])(await command.ExecuteScalarAsync())!;
        }
        else
        {
            await using var connection = new SqliteConnection(db.ConnectionString);
            await connection.OpenAsync();
            await using var command = new SqliteCommand(sql, connection);
            command.Parameters.AddWithValue("@key", cp);
            payload = (byte[])(await command.ExecuteScalarAsync())!;
        }

        using var document = JsonDocument.Parse(Encoding.UTF8.GetString(payload));
        return document.RootElement.Clone();
    }
}
