namespace CsmsCluster.Persistence.Tests;

/// <summary>Security events, identical on both databases: replays stored once, filters, newest first, paging.</summary>
public sealed class SecurityEventStoreContractTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Append_ReplayIsStoredOnce_QueryFiltersByChargerTypeAndTime(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var store = storage.Get<ISecurityEventStore>();
        await store.AppendAsync(new SecurityEventEntry("CP-1", T0, "StartupOfTheDevice", null, T0), Ct);
        await store.AppendAsync(new SecurityEventEntry("CP-1", T0, "StartupOfTheDevice", null, T0.AddMinutes(5)), Ct);
        await store.AppendAsync(new SecurityEventEntry("CP-1", T0.AddHours(1), "InvalidFirmwareSignature", "sha mismatch", T0.AddHours(1)), Ct);
        await store.AppendAsync(new SecurityEventEntry("CP-2", T0.AddHours(2), "StartupOfTheDevice", null, T0.AddHours(2)), Ct);

        var all = await store.QueryAsync(new SecurityEventQuery(), Ct);
        Assert.Equal(3, all.Total);
        Assert.Equal([T0.AddHours(2), T0.AddHours(1), T0], all.Items.Select(e => e.Timestamp));
        Assert.Equal("sha mismatch", all.Items[1].TechInfo);

        var cp1 = await store.QueryAsync(new SecurityEventQuery(ChargePointId: "CP-1"), Ct);
        Assert.Equal(["InvalidFirmwareSignature", "StartupOfTheDevice"], cp1.Items.Select(e => e.Type));
        var startups = await store.QueryAsync(new SecurityEventQuery(Type: "StartupOfTheDevice", From: T0.AddMinutes(1)), Ct);
        Assert.Equal(["CP-2"], startups.Items.Select(e => e.ChargePointId));
        var window = await store.QueryAsync(new SecurityEventQuery(From: T0, To: T0.AddHours(2), PageSize: 1, Page: 2), Ct);
        Assert.Equal((2L, T0), (window.Total, Assert.Single(window.Items).Timestamp));
    }
}
