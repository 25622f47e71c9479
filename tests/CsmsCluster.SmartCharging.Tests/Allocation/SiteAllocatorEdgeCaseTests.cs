namespace CsmsCluster.SmartCharging.Tests.Allocation;

/// <summary>Edge cases of spec "Allocation": empty budgets, nobody eligible, one connector, W sites, mixed phases.</summary>
public sealed class SiteAllocatorEdgeCaseTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 10, 0, 0, TimeSpan.Zero);

    private static ConnectorInput Session(string id, string charger, int arrival = 0) =>
        new(id, charger) { Session = new ActiveSession(Now.AddMinutes(arrival - 60)) };

    private static SiteInputs Site(double limit, params ConnectorInput[] connectors) =>
        new(SiteUnit.AmperesPerPhase, limit, [.. connectors.Select(c => c.ChargerId).Distinct().Select(id => new ChargerInput(id, 32))], connectors) { Margin = 0 };

    [Fact]
    public void ZeroLimit_NobodyAdmitted_AllQueued()
    {
        var allocation = SiteAllocator.Allocate(Now, Site(0, Session("a", "C1"), Session("b", "C2")));

        Assert.All(allocation.Connectors, c => Assert.Equal((ConnectorState.Queued, 0.0), (c.State, c.Current)));
    }

    [Fact]
    public void AllIneligible_EachReportsItsReason()
    {
        var inputs = Site(
            100,
            new ConnectorInput("idle", "C1"),
            Session("uncontrollable", "C2") with { Controllable = false, InstalledLimit = 10 },
            Session("faulted", "C3") with { Faulted = true },
            Session("window", "C4") with { AllowedByActivation = false },
            Session("tiny", "C5") with { MaxCurrent = 4 });

        var allocation = SiteAllocator.Allocate(Now, inputs);

        Assert.Equal(
            "faulted:Faulted idle:NoSession tiny:MaximumBelowMinimum uncontrollable:Uncontrollable window:OutsideActivationWindow",
            string.Join(' ', allocation.Connectors.Select(c => $"{c.ConnectorId}:{c.Reason}")));
        Assert.All(allocation.Connectors, c => Assert.Equal((ConnectorState.NotEligible, 0.0), (c.State, c.Current)));
        // The uncontrollable connector's installed 10 A stays counted on every phase of the site.
        Assert.All(allocation.Constraints.Where(c => c.Kind == ConstraintKind.Site), c => Assert.Equal(90, c.EffectiveLimit, 9));
    }

    [Fact]
    public void LimitBelowOneMinimum_NobodyAdmitted()
    {
        var allocation = SiteAllocator.Allocate(Now, Site(5.9, Session("a", "C1")));

        Assert.Equal((ConnectorState.Queued, 0.0), (allocation.For("a").State, allocation.For("a").Current));
    }

    [Fact]
    public void OneConnector_GetsTheLeastOfLimitAndMax()
    {
        Assert.Equal(17.3, SiteAllocator.Allocate(Now, Site(17.35, Session("a", "C1"))).For("a").Current);
        var alone = SiteAllocator.Allocate(Now, Site(100, Session("a", "C1")));
        Assert.Equal((32.0, true, (string?)null), (alone.For("a").Current, alone.For("a").AtCap, alone.For("a").BindingConstraint));
    }

    [Fact]
    public void DefaultMargin_TakesTwoPercentOffTheSiteLimit()
    {
        var inputs = Site(48, Session("a", "C1"), Session("b", "C2")) with { Margin = 0.02 };

        var allocation = SiteAllocator.Allocate(Now, inputs);

        // 0.98 * 48 / 2 = 23.52 A, floored to 23.5 A.
        Assert.Equal((23.5, 23.5), (allocation.For("a").Current, allocation.For("b").Current));
        Assert.Equal("site/L1", allocation.For("a").BindingConstraint);
    }

    [Fact]
    public void WattSite_SharesPowerEquallyAndReportsWattsAndAmperes()
    {
        var inputs = Site(13800, Session("three", "C1"), Session("one", "C2") with { Phases = 1 }) with { Unit = SiteUnit.Watts };

        var allocation = SiteAllocator.Allocate(Now, inputs);

        // 6900 W each: 10.0 A on 3 phases and 30.0 A on one phase.
        Assert.Equal((6900.0, 10.0, 3), (allocation.For("three").Allocation, allocation.For("three").Current, allocation.For("three").NumberPhases));
        Assert.Equal((6900.0, 30.0, 1), (allocation.For("one").Allocation, allocation.For("one").Current, allocation.For("one").NumberPhases));
    }

    [Fact]
    public void MixedPhases_KnownOnePhaseEvsLoadOnlyTheirPhase()
    {
        var inputs = Site(
            20,
            Session("three", "C1"),
            Session("l1", "C2") with { Phases = 1, Phase = SitePhase.L1 },
            Session("l2", "C3") with { Phases = 1, Phase = SitePhase.L2 });

        var allocation = SiteAllocator.Allocate(Now, inputs);

        // L1 and L2 carry two connectors, L3 only the 3-phase one: everyone gets 10 A, L3 keeps 10 A spare.
        Assert.Equal("three=10 l1=10 l2=10", string.Join(' ', new[] { "three", "l1", "l2" }.Select(id => $"{id}={allocation.For(id).Current}")));
        Assert.Equal(10, allocation.Constraints.Single(c => c.Id == "site/L3").Allocated, 9);
        Assert.True(allocation.Constraints.Single(c => c.Id == "site/L1").Saturated);
    }
}
