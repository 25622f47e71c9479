using System.Net;
using System.Text.Json;
using CsmsCluster.TestSupport;

namespace CsmsCluster.Server.Tests.Sites;

/// <summary>
/// Pre-armed launch end to end over real WebSockets: with <c>preArmedConnectors</c> = 1 an idle connector holds a
/// launch TxDefaultProfile, a plug-in there runs its launch current before any TxProfile, the reserve stays within the
/// limit at every instant, and lowering K clears the TxDefault to 0 A.
/// </summary>
public sealed class SitePreArmTests() : ServerTest(SiteSmartChargingTests.FastLoop)
{
    [Fact]
    public async Task PreArmed_OneIdleConnectorHoldsTheLaunchTxDefault_PlugInStartsOnIt_KZeroClearsIt()
    {
        const string site = "SITE-PREARM";
        var ledger = new SiteLedger(48);
        var site0 = await Server.Api.SendJsonAsync(HttpMethod.Put, $"/api/v1/sites/{site}", """{"limit":48,"unit":"A","margin":0,"preArmedConnectors":1}""");
        Assert.Equal(1, site0.GetProperty("preArmedConnectors").GetInt32());
        var ids = new[] { "PA-A", "PA-B", "PA-C" };
        var chargers = await SiteSmartChargingTests.ConnectAsync(Server, site, ids, ledger);
        try
        {
            // Exactly one idle connector is armed, and the site says so.
            await Eventually.WaitAsync(() => ids.Count(id => ledger.Default(id) == 6) == 1, SiteSmartChargingTests.Converge, "one connector armed at 6 A");
            var armed = ids.Single(id => ledger.Default(id) == 6);
            var txDefault = chargers.Single(c => c.Id == armed).Client.ReceivedCalls
                .Where(c => c.Action == "SetChargingProfile")
                .Select(c => c.Payload)
                .Single(p => p.GetProperty("csChargingProfiles").GetProperty("chargingProfilePurpose").GetString() == "TxDefaultProfile");
            Assert.Equal(1, txDefault.GetProperty("connectorId").GetInt32());
            var profile = txDefault.GetProperty("csChargingProfiles");
            Assert.False(profile.TryGetProperty("transactionId", out _));
            Assert.Equal((9_200_001, 2), (profile.GetProperty("chargingProfileId").GetInt32(), profile.GetProperty("stackLevel").GetInt32()));
            await Eventually.WaitAsync(async () => PreArm(await SiteAsync(site), armed) == "armed", SiteSmartChargingTests.Converge, "the site to report the connector armed");
            var view = Connector(await SiteAsync(site), armed);
            Assert.Equal(6, view.GetProperty("launchReserve").GetDouble());

            // A plug-in on the armed connector runs 6 A before any TxProfile reaches it; another idle connector is armed.
            var first = chargers.Single(c => c.Id == armed);
            await first.StartAsync();
            Assert.Equal(6, ledger.Commanded(armed));
            var others = ids.Where(id => id != armed).ToArray();
            await Eventually.WaitAsync(() => others.Count(id => ledger.Default(id) == 6) == 1, SiteSmartChargingTests.Converge, "a second connector armed");
            var next = others.Single(id => ledger.Default(id) == 6);
            var last = chargers.Single(c => c.Id != armed && c.Id != next);
            await last.StartAsync();

            // Two sessions share 48 A less the 6 A reserve.
            var charging = new[] { armed, last.Id };
            await SiteSmartChargingTests.DriveUntilAsync([first, last], () => ledger.AllAt(charging, 21), "21 A each beside the 6 A reserve");
            var state = await SiteAsync(site);
            Assert.Equal("armed", PreArm(state, next));
            Assert.Equal("admitted", Connector(state, armed).GetProperty("state").GetString());

            // K = 0: the reserve is cleared to 0 A, then freed to the sessions.
            await Server.Api.SendJsonAsync(HttpMethod.Put, $"/api/v1/sites/{site}", """{"limit":48,"unit":"A","margin":0,"preArmedConnectors":0}""");
            await Eventually.WaitAsync(() => ledger.Default(next) == 0, TimeSpan.FromSeconds(5), "the TxDefault cleared to 0 A at once");
            await SiteSmartChargingTests.DriveUntilAsync([first, last], () => ledger.AllAt(charging, 24), "24 A each once the reserve is gone");
            Assert.Null(PreArm(await SiteAsync(site), next));
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

    [Theory]
    [InlineData("-1")]
    [InlineData("1001")]
    [InlineData("1.5")]
    [InlineData("\"two\"")]
    public async Task PreArmedConnectors_OutOfRangeOrNotAnInteger_IsRejectedAndTheSiteIsUnchanged(string value)
    {
        await Server.Api.SendJsonAsync(HttpMethod.Put, "/api/v1/sites/PA-BAD", """{"limit":48,"preArmedConnectors":2}""");

        await Server.Api.SendJsonAsync(HttpMethod.Put, "/api/v1/sites/PA-BAD", $$"""{"limit":48,"preArmedConnectors":{{value}}}""", HttpStatusCode.BadRequest);

        Assert.Equal(2, (await SiteAsync("PA-BAD")).GetProperty("preArmedConnectors").GetInt32());
    }

    private Task<JsonElement> SiteAsync(string site) => Server.Api.GetJsonAsync($"/api/v1/sites/{site}");

    private static JsonElement Connector(JsonElement site, string chargePointId) =>
        SiteSmartChargingTests.Connectors(site).Single(c => c.GetProperty("chargePointId").GetString() == chargePointId);

    private static string? PreArm(JsonElement site, string chargePointId) =>
        Connector(site, chargePointId).TryGetProperty("preArm", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
}
