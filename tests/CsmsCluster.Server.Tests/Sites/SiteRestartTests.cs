using CsmsCluster.TestSupport;

namespace CsmsCluster.Server.Tests.Sites;

/// <summary>A site's installed limits survive a restart of the node hosting it, and are sent again on reconnect.</summary>
public sealed class SiteRestartTests
{
    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task Site_AfterRestart_KeepsInstalledLimits_AndResendsThemOnReconnect(StorageKind kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        var site = $"RS-{kind}";
        var cp = $"RS-CP-{kind}";
        var ledger = new SiteLedger(20);
        int transactionId;
        await using (var server = await CsmsTestServer.StartAsync(db, SiteSmartChargingTests.FastLoop))
        {
            await server.Api.SendJsonAsync(HttpMethod.Put, $"/api/v1/sites/{site}", """{"limit":20,"unit":"A","margin":0}""");
            await server.Api.SendJsonAsync(HttpMethod.Put, $"/api/v1/chargepoints/{cp}", $$"""{"siteId":"{{site}}","maxCurrent":32,"phases":3}""");
            await using var charger = await SiteCharger.ConnectAsync(server, cp, ledger);
            await charger.StartAsync();
            transactionId = charger.TransactionId!.Value;
            await SiteSmartChargingTests.DriveUntilAsync([charger], () => ledger.AllAt([cp], 20), "the site limit of 20 A");
            await Eventually.WaitAsync(() => Installed(server, site).Result == 20, SiteSmartChargingTests.Converge, "the site to record 20 A as installed");
            await server.StopAsync();
        }

        await using var restarted = await CsmsTestServer.StartAsync(db, SiteSmartChargingTests.FastLoop);
        var state = await restarted.Api.GetJsonAsync($"/api/v1/sites/{site}");
        var connector = SiteSmartChargingTests.Connectors(state).Single();
        Assert.Equal(20, connector.GetProperty("installedLimit").GetDouble());
        Assert.Equal(transactionId, connector.GetProperty("transactionId").GetInt32());
        Assert.Equal("offline", connector.GetProperty("state").GetString());

        var resent = new SiteLedger(20);
        await using var back = await SiteCharger.ConnectAsync(restarted, cp, resent, transactionId);
        await Eventually.WaitAsync(() => resent.AllAt([cp], 20), SiteSmartChargingTests.Converge, "the installed 20 A to be sent again on reconnect");
        Assert.Empty(resent.Violations);
    }

    private static async Task<double> Installed(CsmsTestServer server, string site)
    {
        var state = await server.Api.GetJsonAsync($"/api/v1/sites/{site}");
        return SiteSmartChargingTests.Connectors(state).Single().GetProperty("installedLimit").GetDouble();
    }
}
