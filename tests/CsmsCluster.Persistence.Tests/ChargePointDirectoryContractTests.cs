namespace CsmsCluster.Persistence.Tests;

/// <summary>The charge point listing projection, identical on both databases.</summary>
public sealed class ChargePointDirectoryContractTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ChargePointSummary Summary(string id, string? siteId) =>
        new(id, siteId, "ocpp1.6", Connected: false, NodeId: null, LastSeen: null, null, null, null, T0);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Upsert_CreatesThenReplaces(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var directory = storage.Get<IChargePointDirectory>();
        await directory.UpsertAsync(Summary("CP-D-1", "SITE-1"), Ct);

        var booted = new ChargePointSummary(
            "CP-D-1", "SITE-1", "ocpp2.0.1", true, "node-a", T0.AddSeconds(5), "Vendor", "Model X", "1.2.3", T0.AddSeconds(5));
        await directory.UpsertAsync(booted, Ct);

        Assert.Equal(booted, await directory.GetAsync("CP-D-1", Ct));
        Assert.Null(await directory.GetAsync("CP-D-UNKNOWN", Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task List_FiltersBySiteAndPagesInIdOrder(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var directory = storage.Get<IChargePointDirectory>();
        foreach (var (id, site) in new[] { ("CP-3", "S1"), ("CP-1", "S1"), ("CP-2", "S2"), ("CP-5", "S1"), ("CP-4", null) })
        {
            await directory.UpsertAsync(Summary(id, site), Ct);
        }

        var all = await directory.ListAsync(siteId: null, page: 1, pageSize: 10, Ct);
        var site1Page1 = await directory.ListAsync("S1", 1, 2, Ct);
        var site1Page2 = await directory.ListAsync("S1", 2, 2, Ct);

        Assert.Equal(["CP-1", "CP-2", "CP-3", "CP-4", "CP-5"], all.Items.Select(s => s.Id));
        Assert.Equal(5, all.Total);
        Assert.Equal(["CP-1", "CP-3"], site1Page1.Items.Select(s => s.Id));
        Assert.Equal(["CP-5"], site1Page2.Items.Select(s => s.Id));
        Assert.Equal(3, site1Page2.Total);
    }
}
