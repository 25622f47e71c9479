using CsmsCluster.Grains.Cluster;

namespace CsmsCluster.Grains.Tests.Cluster;

/// <summary>Rendezvous placement: deterministic, balanced, and only about 1/N of grains move on a membership change.</summary>
public sealed class RendezvousPlacementTests
{
    private const int KeyCount = 100_000;

    private static readonly GrainId[] Keys = [.. Enumerable.Range(0, KeyCount).Select(i => new GrainId("charge-point", $"CP-{i:D6}"))];

    [Fact]
    public void Owner_SameSilosInAnyOrder_GivesTheSameOwner()
    {
        string[] silos = ["silo-a", "silo-b", "silo-c", "silo-d"];
        string[] shuffled = ["silo-c", "silo-a", "silo-d", "silo-b"];

        Assert.All(Keys.Take(10_000), k => Assert.Equal(RendezvousHashing.Owner(k, silos), RendezvousHashing.Owner(k, shuffled)));
        Assert.Null(RendezvousHashing.Owner(Keys[0], []));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(9)]
    public void Owner_SiloJoins_AboutOneOverNOfKeysMoveAllToTheNewSilo(int before)
    {
        var silos = Silos(before);
        var joined = Silos(before + 1);

        var moved = Keys.Where(k => RendezvousHashing.Owner(k, silos) != RendezvousHashing.Owner(k, joined)).ToList();

        Assert.All(moved, k => Assert.Equal(joined[^1], RendezvousHashing.Owner(k, joined)));
        AssertFraction(moved.Count, 1.0 / (before + 1));
    }

    [Fact]
    public void Owner_SiloLeaves_OnlyItsKeysMove()
    {
        var silos = Silos(5);
        var remaining = silos.Where(s => s != "silo-2").ToArray();

        var moved = Keys.Where(k => RendezvousHashing.Owner(k, silos) != RendezvousHashing.Owner(k, remaining)).ToList();

        Assert.All(moved, k => Assert.Equal("silo-2", RendezvousHashing.Owner(k, silos)));
        Assert.Equal(Keys.Count(k => RendezvousHashing.Owner(k, silos) == "silo-2"), moved.Count);
        AssertFraction(moved.Count, 1.0 / 5);
    }

    [Fact]
    public void Owner_FiveSilos_EachOwnsAboutAFifth()
    {
        var counts = Keys.GroupBy(k => RendezvousHashing.Owner(k, Silos(5))).ToDictionary(g => g.Key!, g => g.Count());

        Assert.Equal(5, counts.Count);
        Assert.All(counts.Values, c => AssertFraction(c, 0.2));
    }

    [Fact]
    public void Placement_FollowsTheAdoptedView_AndHasNoLocalGrainsWithoutOne()
    {
        var placement = new RendezvousPlacement("silo-1");
        Assert.False(placement.IsLocal(Keys[0]));

        placement.OnNext(new MembershipView(7, [.. Silos(3).Select(Entry)], IsSettled: false));
        var local = Keys.Take(3_000).Where(placement.IsLocal).ToList();
        Assert.All(local, k => Assert.Equal("silo-1", RendezvousHashing.Owner(k, Silos(3))));
        AssertFraction(local.Count * (KeyCount / 3_000.0), 1.0 / 3, tolerance: 0.05);
        Assert.DoesNotContain(local, placement.CanActivate);

        placement.OnNext(new MembershipView(8, [.. Silos(3).Select(Entry)], IsSettled: true));
        Assert.All(local, k => Assert.True(placement.CanActivate(k)));
        Assert.Equal("silo-0", placement.Owner(Keys.First(k => RendezvousHashing.Owner(k, Silos(3)) == "silo-0"))!.SiloId);

        placement.OnCompleted();
        Assert.DoesNotContain(local, placement.IsLocal);
    }

    private static string[] Silos(int count) => [.. Enumerable.Range(0, count).Select(i => $"silo-{i}")];

    private static SiloEntry Entry(string id) =>
        new(id, "127.0.0.1", 11111, "silo", SiloStatus.Active, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, TimeSpan.Zero, 0);

    private static void AssertFraction(double count, double expected, double tolerance = 0.01) =>
        Assert.InRange(count / KeyCount, expected - tolerance, expected + tolerance);
}
