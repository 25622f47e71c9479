namespace CsmsCluster.Persistence.Tests;

/// <summary>The authorization list, identical on both databases.</summary>
public sealed class IdTagStoreContractTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task PutGetDelete_RoundTripsAndUpserts(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var store = storage.Get<IIdTagStore>();
        var record = new IdTagRecord("TAG-1", "Accepted", T0.AddDays(30), "GROUP-1", T0);

        await store.PutAsync(record, Ct);
        Assert.Equal(record, await store.GetAsync("TAG-1", Ct));

        var blocked = record with { Status = "Blocked", ExpiryDate = null, ParentIdTag = null, UpdatedAt = T0.AddMinutes(1) };
        await store.PutAsync(blocked, Ct);
        Assert.Equal(blocked, await store.GetAsync("TAG-1", Ct));

        Assert.True(await store.DeleteAsync("TAG-1", Ct));
        Assert.False(await store.DeleteAsync("TAG-1", Ct));
        Assert.Null(await store.GetAsync("TAG-1", Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task List_PagesInIdTagOrderWithTotal(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var store = storage.Get<IIdTagStore>();
        foreach (var tag in new[] { "TAG-C", "TAG-A", "TAG-E", "TAG-B", "TAG-D" })
        {
            await store.PutAsync(new IdTagRecord(tag, "Accepted", null, null, T0), Ct);
        }

        var page2 = await store.ListAsync(page: 2, pageSize: 2, Ct);

        Assert.Equal(["TAG-C", "TAG-D"], page2.Items.Select(r => r.IdTag));
        Assert.Equal(5, page2.Total);
        Assert.Equal(2, page2.Page);
        Assert.Equal(2, page2.PageSize);
        Assert.Equal(["TAG-E"], (await store.ListAsync(3, 2, Ct)).Items.Select(r => r.IdTag));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ListAsync(0, 2, Ct));
    }
}
