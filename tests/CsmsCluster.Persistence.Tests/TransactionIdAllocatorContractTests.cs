namespace CsmsCluster.Persistence.Tests;

/// <summary>Transaction ids are unique across every node on one database.</summary>
public sealed class TransactionIdAllocatorContractTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task NextAsync_ConcurrentlyOnTwoNodes_NeverReturnsTheSameIdTwice(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var nodes = new[]
        {
            storage.Get<ITransactionIdAllocator>(),
            storage.AddNode().GetRequiredService<ITransactionIdAllocator>(),
        };

        // 2 nodes x 8 callers x 150 ids: each node crosses many 64-id blocks while the other reserves too.
        var perCaller = await Task.WhenAll(Enumerable.Range(0, 16).Select(caller => Task.Run(async () =>
        {
            var ids = new List<int>();
            for (var i = 0; i < 150; i++)
            {
                ids.Add(await nodes[caller % 2].NextAsync(Ct));
            }

            return ids;
        }, Ct)));

        var all = perCaller.SelectMany(ids => ids).ToList();
        Assert.Equal(2_400, all.Count);
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.All(all, id => Assert.True(id > 0, $"id {id} must be positive"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task NextAsync_OnANewNode_ContinuesAfterEveryReservedBlock(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var first = await storage.Get<ITransactionIdAllocator>().NextAsync(Ct);

        var restarted = await storage.AddNode().GetRequiredService<ITransactionIdAllocator>().NextAsync(Ct);

        Assert.Equal(1, first);
        Assert.True(restarted > first + 63, $"a restarted node must not reuse the first block, got {restarted}");
    }
}
