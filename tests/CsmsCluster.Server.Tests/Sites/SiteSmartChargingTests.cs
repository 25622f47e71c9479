using System.Globalization;
using System.Net;
using System.Text.Json;
using CsmsCluster.TestSupport;

namespace CsmsCluster.Server.Tests.Sites;

/// <summary>
/// Site smart charging end to end: real Kestrel, real WebSockets, the Site grain's loop with shortened timings. A site
/// of 48 A per phase with three 32 A chargers converges to equal shares without any increase that breaks the limit.
/// </summary>
public sealed class SiteSmartChargingTests() : ServerTest(FastLoop)
{
    internal static readonly Dictionary<string, string?> FastLoop = new()
    {
        ["Csms:SmartCharging:Cycle"] = "00:00:01",
        ["Csms:SmartCharging:Debounce"] = "00:00:00.050",
        ["Csms:SmartCharging:Settle"] = "00:00:00.200",
        ["Csms:SmartCharging:Hold"] = "00:00:00.500",
        ["Csms:SmartCharging:MinSendInterval"] = "00:00:00",
    };

    internal static readonly TimeSpan Converge = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Site_ThreeSessionsOn48A_ConvergeToEqualShares_StopFreesShare_GridDropDecreasesAtOnce()
    {
        const string site = "SITE-48";
        var ledger = new SiteLedger(48);
        await PutSiteAsync(site, """{"name":"Depot","limit":48,"unit":"A","voltage":230,"margin":0}""");
        var ids = new[] { "SC-A", "SC-B", "SC-C" };
        var chargers = await ConnectAsync(Server, site, ids, ledger);
        try
        {
            foreach (var charger in chargers)
            {
                await charger.StartAsync();
            }

            // Launch: each new session gets the minimum first, then its share once its EV draws current.
            await Eventually.WaitAsync(() => ledger.AllAt(ids, 6), Converge, "every session to get its 6 A launch limit");
            await DriveUntilAsync(chargers, () => ledger.AllAt(ids, 16), "an equal share of 16 A each");
            var state = await Server.Api.GetJsonAsync($"/api/v1/sites/{site}");
            Assert.All(Connectors(state), c =>
            {
                Assert.Equal(16, c.GetProperty("allocation").GetDouble());
                Assert.Equal(16, c.GetProperty("installedLimit").GetDouble());
                Assert.Equal("admitted", c.GetProperty("state").GetString());
            });

            await chargers[2].StopAsync();
            await DriveUntilAsync(chargers[..2], () => ledger.AllAt(ids[..2], 24), "the stopped session's share to go to the others");

            ledger.SetLimit(30);
            var before = ledger.TxProfiles.Count;
            await Server.Api.SendJsonAsync(HttpMethod.Put, $"/api/v1/sites/{site}/grid-limits",
                $$"""{"steps":[{"from":"{{DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O", CultureInfo.InvariantCulture)}}","limit":30}]}""");
            await Eventually.WaitAsync(() => ledger.AllAt(ids[..2], 15), TimeSpan.FromSeconds(5), "both decreases to 15 A right after the grid-limit drop");
            // Nothing but decreases after the drop (a late answer may still bring a profile sent just before it).
            var afterDrop = ledger.TxProfiles.Skip(before).ToList();
            Assert.True(afterDrop.Count(p => p.Limit == 15) >= 2 && afterDrop.All(p => p.Limit <= 24),
                $"after the drop: {string.Join(", ", afterDrop)}; all: {string.Join(", ", ledger.TxProfiles)}");

            state = await Server.Api.GetJsonAsync($"/api/v1/sites/{site}");
            Assert.Equal(30, state.GetProperty("gridLimit").GetDouble());
            Assert.Equal(30, state.GetProperty("effectiveLimit").GetDouble());
            var idle = Connectors(state).Single(c => c.GetProperty("chargePointId").GetString() == "SC-C");
            Assert.Equal("idle", idle.GetProperty("state").GetString());
            Assert.True(ledger.Violations.Count == 0, $"{string.Join("; ", ledger.Violations)}; profiles: {string.Join(", ", ledger.TxProfiles)}");
        }
        finally
        {
            foreach (var charger in chargers)
            {
                await charger.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Site_ProfilesSent_AreValidTxProfilesWithDeterministicIdsAndABackstop()
    {
        const string site = "SITE-SHAPE";
        var ledger = new SiteLedger(20);
        await PutSiteAsync(site, """{"limit":20,"unit":"A","margin":0}""");
        await Server.Api.SendJsonAsync(HttpMethod.Put, "/api/v1/chargepoints/SHAPE-1", $$"""{"siteId":"{{site}}","maxCurrent":32,"phases":3}""");
        await using var charger = await SiteCharger.ConnectAsync(Server, "SHAPE-1", ledger);
        await charger.StartAsync();
        await Eventually.WaitAsync(() => ledger.AllAt(["SHAPE-1"], 6), Converge, "the launch limit");

        var calls = charger.Client.ReceivedCalls.Where(c => c.Action == "SetChargingProfile").Select(c => c.Payload).ToList();
        var backstop = calls.Single(p => p.GetProperty("csChargingProfiles").GetProperty("chargingProfilePurpose").GetString() == "ChargePointMaxProfile");
        Assert.Equal(0, backstop.GetProperty("connectorId").GetInt32());
        Assert.Equal(32, backstop.GetProperty("csChargingProfiles").GetProperty("chargingSchedule").GetProperty("chargingSchedulePeriod")[0].GetProperty("limit").GetDouble());
        var tx = calls.Single(p => p.GetProperty("csChargingProfiles").GetProperty("chargingProfilePurpose").GetString() == "TxProfile");
        var profile = tx.GetProperty("csChargingProfiles");
        Assert.Equal(1, tx.GetProperty("connectorId").GetInt32());
        Assert.Equal(charger.TransactionId, profile.GetProperty("transactionId").GetInt32());
        Assert.Equal(9_100_001, profile.GetProperty("chargingProfileId").GetInt32());
        Assert.Equal("Absolute", profile.GetProperty("chargingProfileKind").GetString());
        var schedule = profile.GetProperty("chargingSchedule");
        Assert.Equal("A", schedule.GetProperty("chargingRateUnit").GetString());
        Assert.True(schedule.GetProperty("startSchedule").GetDateTimeOffset() < DateTimeOffset.UtcNow.AddSeconds(-30), "startSchedule allows for clock skew");
        Assert.Equal(3, schedule.GetProperty("chargingSchedulePeriod")[0].GetProperty("numberPhases").GetInt32());

        await DriveUntilAsync([charger], () => ledger.AllAt(["SHAPE-1"], 20), "the site limit of 20 A");
        var ids = charger.Client.ReceivedCalls.Where(c => c.Action == "SetChargingProfile")
            .Select(c => c.Payload.GetProperty("csChargingProfiles"))
            .Where(p => p.GetProperty("chargingProfilePurpose").GetString() == "TxProfile")
            .Select(p => (p.GetProperty("chargingProfileId").GetInt32(), p.GetProperty("stackLevel").GetInt32())).Distinct().ToList();
        Assert.Equal([(9_100_001, 1)], ids);
    }

    [Fact]
    public async Task SiteApi_BadInput_GetsProblems()
    {
        await Server.Api.GetJsonAsync("/api/v1/sites/NOPE", HttpStatusCode.NotFound);
        await Server.Api.SendJsonAsync(HttpMethod.Put, "/api/v1/sites/BAD", """{"limit":48,"unit":"kA"}""", HttpStatusCode.BadRequest);
        await Server.Api.SendJsonAsync(HttpMethod.Put, "/api/v1/sites/BAD", """{"unit":"A"}""", HttpStatusCode.BadRequest);
        await Server.Api.SendJsonAsync(HttpMethod.Put, "/api/v1/sites/BAD", """{"limit":48,"timeZone":"Mars/Olympus"}""", HttpStatusCode.BadRequest);
        await Server.Api.SendJsonAsync(HttpMethod.Put, "/api/v1/sites/BAD", """{"limit":48,"feeders":[{"id":"f1","limit":20,"parentId":"f2"}]}""", HttpStatusCode.BadRequest);
        await Server.Api.SendJsonAsync(HttpMethod.Put, "/api/v1/sites/NOPE/grid-limits", """{"steps":[]}""", HttpStatusCode.NotFound);
        await PutSiteAsync("GOOD", """{"limit":48}""");
        await Server.Api.SendJsonAsync(HttpMethod.Put, "/api/v1/sites/GOOD/grid-limits", """{"steps":[{"limit":10}]}""", HttpStatusCode.BadRequest);
        await Server.Api.SendJsonAsync(HttpMethod.Put, "/api/v1/sites/GOOD/connectors/CP/1", """{"groups":["night"]}""", HttpStatusCode.BadRequest);
        await Server.Api.SendJsonAsync(HttpMethod.Put, "/api/v1/sites/GOOD/connectors/CP/1", """{"phases":2}""", HttpStatusCode.BadRequest);
        await Server.Api.SendJsonAsync(HttpMethod.Put, "/api/v1/sites/GOOD/activation-groups",
            """{"groups":[{"id":"night","windows":[{"day":"Funday","start":"22:00","end":"06:00"}]}]}""", HttpStatusCode.BadRequest);
        await Server.Api.SendJsonAsync(HttpMethod.Put, "/api/v1/sites/GOOD", "{not json", HttpStatusCode.BadRequest);

        var groups = await Server.Api.SendJsonAsync(HttpMethod.Put, "/api/v1/sites/GOOD/activation-groups",
            """{"groups":[{"id":"night","windows":[{"day":"Monday","start":"22:00","end":"06:00"}]}]}""");
        Assert.Equal("06:00", groups.GetProperty("activationGroups")[0].GetProperty("windows")[0].GetProperty("end").GetString());
        var connector = await Server.Api.SendJsonAsync(HttpMethod.Put, "/api/v1/sites/GOOD/connectors/CP/1", """{"maxCurrent":16,"priority":2,"groups":["night"]}""");
        Assert.Equal(2, connector.GetProperty("connectorSettings").GetProperty("CP/1").GetProperty("priority").GetInt32());
        // A group in use cannot be removed from under its connector.
        await Server.Api.SendJsonAsync(HttpMethod.Put, "/api/v1/sites/GOOD/activation-groups", """{"groups":[]}""", HttpStatusCode.Conflict);
    }

    /// <summary>Registers each charge point on the site (32 A, 3 phases) and connects it as a test charger.</summary>
    internal static async Task<List<SiteCharger>> ConnectAsync(CsmsTestServer server, string site, IEnumerable<string> ids, SiteLedger ledger)
    {
        var chargers = new List<SiteCharger>();
        foreach (var id in ids)
        {
            await server.Api.SendJsonAsync(HttpMethod.Put, $"/api/v1/chargepoints/{id}", $$"""{"siteId":"{{site}}","maxCurrent":32,"phases":3}""");
            chargers.Add(await SiteCharger.ConnectAsync(server, id, ledger));
        }
        return chargers;
    }

    internal static IEnumerable<JsonElement> Connectors(JsonElement site) => site.GetProperty("connectors").EnumerateArray();

    private Task PutSiteAsync(string site, string body) => Server.Api.SendJsonAsync(HttpMethod.Put, $"/api/v1/sites/{site}", body);

    /// <summary>Sends MeterValues (each EV drawing its limit) until the condition holds, as a charging site would.</summary>
    internal static async Task DriveUntilAsync(IReadOnlyList<SiteCharger> chargers, Func<bool> condition, string expected)
    {
        var deadline = DateTimeOffset.UtcNow + Converge;
        while (!condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"Timed out waiting for {expected}.");
            foreach (var charger in chargers)
            {
                await charger.SendMeterAsync();
            }
            await Eventually.WaitAsync(condition, TimeSpan.FromMilliseconds(250), expected).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
