namespace CsmsCluster.SmartCharging.Tests.Allocation;

/// <summary>Feeders, fixed load, launch reserve, grid schedule, weights and rotation (spec "Model", "Allocation").</summary>
public sealed class SiteAllocatorFeatureTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 2, 10, 0, 0, TimeSpan.Zero);

    private static ConnectorInput Session(string id, string charger, int arrival = 0) =>
        new(id, charger) { Session = new ActiveSession(Now.AddMinutes(arrival - 60)) };

    private static SiteInputs Site(double limit, params ConnectorInput[] connectors) =>
        new(SiteUnit.AmperesPerPhase, limit, [.. connectors.Select(c => c.ChargerId).Distinct().Select(id => new ChargerInput(id, 32))], connectors) { Margin = 0 };

    private static string Currents(SiteAllocation allocation) =>
        string.Join(' ', allocation.Connectors.Select(c => $"{c.ConnectorId}={c.Current}"));

    [Fact]
    public void Feeder_CapsTheChargersBelowIt_OthersTakeTheRest()
    {
        var inputs = Site(60, Session("a", "C1"), Session("b", "C2"), Session("c", "C3")) with
        {
            Feeders = [new FeederInput("F1", 30), new FeederInput("F2", 20, "F1")],
            Chargers = [new ChargerInput("C1", 32) { FeederId = "F2" }, new ChargerInput("C2", 32) { FeederId = "F2" }, new ChargerInput("C3", 32)],
        };

        var allocation = SiteAllocator.Allocate(Now, inputs);

        Assert.Equal("a=10 b=10 c=32", Currents(allocation));
        Assert.Equal("feeder:F2/L1", allocation.For("a").BindingConstraint);
    }

    [Fact]
    public void FixedLoadAndLaunchReserve_ComeOffEveryConstraintOnTheirPath()
    {
        var inputs = Site(
            40,
            Session("a", "C1"),
            new ConnectorInput("offline", "C2") { InstalledLimit = 12 },
            new ConnectorInput("armed", "C3") { PreArmed = true, LaunchCurrent = 8 }) with
        {
            Chargers = [new ChargerInput("C1", 32), new ChargerInput("C2", 32) { Online = false }, new ChargerInput("C3", 32)],
            BaseLoad = 5,
        };

        var allocation = SiteAllocator.Allocate(Now, inputs);

        // 40 - base 5 - offline installed 12 - reserve 8 = 15 A.
        Assert.Equal(15, allocation.For("a").Current);
        var site = allocation.Constraints.First(c => c.Id == "site/L1");
        Assert.Equal((40.0, 5.0, 12.0, 8.0, 15.0), (site.Limit, site.BaseLoad, site.FixedLoad, site.Reserve, site.EffectiveLimit));
    }

    [Fact]
    public void GridSchedule_UsesTheStepInForceAtNowAndTheStaticLimitWhenLower()
    {
        var inputs = Site(40, Session("a", "C1"), Session("b", "C2")) with
        {
            GridLimits = [new GridLimitStep(Now.AddHours(-1), 24), new GridLimitStep(Now.AddHours(1), 100)],
        };

        Assert.Equal("a=12 b=12", Currents(SiteAllocator.Allocate(Now, inputs)));
        Assert.Equal("a=20 b=20", Currents(SiteAllocator.Allocate(Now.AddHours(2), inputs)));
        Assert.Equal("a=20 b=20", Currents(SiteAllocator.Allocate(Now.AddHours(-2), inputs)));
    }

    [Fact]
    public void Weights_ShareInProportion()
    {
        var inputs = Site(30, Session("a", "C1") with { Weight = 2 }, Session("b", "C2"));

        Assert.Equal("a=20 b=10", Currents(SiteAllocator.Allocate(Now, inputs)));
    }

    [Fact]
    public void Rotation_ProtectedStayAndOldestWaitingComesBeforeLongServed()
    {
        var protectedOne = Session("protected", "C1") with { Session = new ActiveSession(Now.AddHours(-3)) { AdmittedSince = Now.AddMinutes(-5) } };
        var served = Session("served", "C2") with { Session = new ActiveSession(Now.AddHours(-3)) { AdmittedSince = Now.AddMinutes(-30) } };
        var oldWaiting = Session("waiting-old", "C3") with { Session = new ActiveSession(Now.AddHours(-1)) { QueuedSince = Now.AddMinutes(-20) } };
        var newWaiting = Session("waiting-new", "C4") with { Session = new ActiveSession(Now.AddMinutes(-2)) };

        var allocation = SiteAllocator.Allocate(Now, Site(12, protectedOne, served, oldWaiting, newWaiting));

        Assert.Equal("protected=6 served=0 waiting-new=0 waiting-old=6", Currents(allocation));
    }

    [Fact]
    public void Rotation_ASessionThatJustYielded_WaitsItsTurnInsteadOfDisplacingTheNextServedOne()
    {
        // "yielded" gave its place to a waiting session a minute ago; "served" has had its place for 30 minutes.
        var served = Session("served", "C1") with { Session = new ActiveSession(Now.AddHours(-3)) { AdmittedSince = Now.AddMinutes(-30) } };
        var yielded = Session("yielded", "C2") with { Session = new ActiveSession(Now.AddHours(-4)) { QueuedSince = Now.AddMinutes(-1) } };
        var newcomer = Session("newcomer", "C3") with { Session = new ActiveSession(Now.AddMinutes(-1)) { AdmittedSince = Now.AddMinutes(-1) } };

        var full = SiteAllocator.Allocate(Now, Site(12, served, yielded, newcomer));
        var room = SiteAllocator.Allocate(Now, Site(18, served, yielded, newcomer));
        var turn = SiteAllocator.Allocate(Now.AddMinutes(14), Site(12, served, yielded, newcomer));

        Assert.Equal("newcomer=6 served=6 yielded=0", Currents(full));
        Assert.Equal("newcomer=6 served=6 yielded=6", Currents(room));
        // T_rot after it yielded it is waiting again, the longest waiting, and takes the long-served place.
        Assert.Equal("newcomer=6 served=0 yielded=6", Currents(turn));
    }

    [Fact]
    public void Rotation_ANewArrivalQueuedOnArrival_IsWaitingAtOnce_AheadOfServedAndOfTheJustYielded()
    {
        // Never admitted: no QueuedSince, so it is "waiting" and takes the long-served place at once (spec order).
        var arrival = Session("arrival", "C1") with { Session = new ActiveSession(Now.AddMinutes(-1)) };
        var served = Session("served", "C2") with { Session = new ActiveSession(Now.AddHours(-3)) { AdmittedSince = Now.AddMinutes(-30) } };
        var yielded = Session("yielded", "C3") with { Session = new ActiveSession(Now.AddHours(-4)) { QueuedSince = Now.AddMinutes(-1) } };

        Assert.Equal("arrival=6 served=0 yielded=0", Currents(SiteAllocator.Allocate(Now, Site(6, arrival, served, yielded))));
        Assert.Equal("arrival=6 served=6 yielded=0", Currents(SiteAllocator.Allocate(Now, Site(12, arrival, served, yielded))));
    }

    [Fact]
    public void LowerPriority_IsAdmittedWhenItFitsBehindAHigherOneThatDoesNot()
    {
        // First-fit: the high-priority 1-phase EV on a full L1 is skipped; the one on L2 still gets in.
        var full = Session("full", "C1") with { Phases = 1, Phase = SitePhase.L1, Controllable = false, InstalledLimit = 10, Session = null };
        var high = Session("high", "C2") with { Phases = 1, Phase = SitePhase.L1, Priority = 1 };
        var low = Session("low", "C3") with { Phases = 1, Phase = SitePhase.L2 };

        var allocation = SiteAllocator.Allocate(Now, Site(12, full, high, low));

        Assert.Equal((ConnectorState.Queued, ConnectorState.Admitted), (allocation.For("high").State, allocation.For("low").State));
        Assert.Equal(12, allocation.For("low").Current);
    }

    [Fact]
    public void InvalidInputs_Throw()
    {
        Assert.Throws<ArgumentException>(() => SiteAllocator.Allocate(Now, Site(10, Session("a", "C1")) with { Chargers = [] }));
        Assert.Throws<ArgumentException>(() => SiteAllocator.Allocate(Now, Site(10, Session("a", "C1") with { Phases = 2 })));
        var cyclic = Site(10, Session("a", "C1")) with
        {
            Feeders = [new FeederInput("F1", 10, "F2"), new FeederInput("F2", 10, "F1")],
            Chargers = [new ChargerInput("C1", 32) { FeederId = "F1" }],
        };
        Assert.Throws<ArgumentException>(() => SiteAllocator.Allocate(Now, cyclic));
    }
}
