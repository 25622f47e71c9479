namespace CsmsCluster.SmartCharging.Tests.Properties;

/// <summary>Same inputs give the same outputs, whatever order the inputs are listed in.</summary>
public sealed class DeterminismTests
{
    [Fact]
    public void Allocate_ShuffledInputs_SameAllocation() => SiteProperty.Check(site =>
    {
        var random = new Random(site.Seed);
        var shuffled = site.Site with
        {
            Chargers = [.. site.Site.Chargers.OrderBy(_ => random.Next())],
            Connectors = [.. site.Site.Connectors.OrderBy(_ => random.Next())],
            Feeders = [.. site.Site.Feeders.OrderBy(_ => random.Next())],
        };

        var again = SiteAllocator.Allocate(RandomSite.Now, shuffled);

        Assert.Equal(site.Allocation.Connectors, again.Connectors);
        Assert.Equal(site.Allocation.Constraints.Select(c => c with { Allocated = Math.Round(c.Allocated, 6) }), again.Constraints.Select(c => c with { Allocated = Math.Round(c.Allocated, 6) }));
    });
}
