using CsmsCluster.SmartCharging.Loop;

namespace CsmsCluster.SmartCharging.Tests.Loop;

/// <summary>Spec "When to send": limit drops, the dead band, the minimum interval and pending accounting.</summary>
public sealed class LoopLimitTests
{
    [Fact]
    public void GridLimitDrop_Unannounced_DecreasesWithinTheDeadBandGoAtOnce()
    {
        var site = LoopHarness.Converged(48, "A", "B");

        // An unannounced drop breaks I1 until the chargers accept the lower limits: nothing can prevent that window.
        site.CheckInvariant = false;
        site.Configure(s => s with { GridLimits = [new GridLimitStep(site.Now, 47)] });
        var decreases = site.RunProfiles();
        site.Advance(1);
        site.AnswerAll();
        site.CheckInvariant = true;
        site.AssertInvariants();

        Assert.Equal(["A/1", "B/1"], decreases.Keys.Order());
        Assert.All(decreases.Values, c => Assert.Equal((23.5, true), (c.Current, c.IsDecrease)));
    }

    [Fact]
    public void RequiredDecreases_OnlyAsManySmallDecreasesAsTheLimitNeeds_TheOthersStayHeld()
    {
        var site = LoopHarness.Converged(48, "A", "B", "C", "D");
        site.Configure(s => s with
        {
            Connectors = new Dictionary<string, ConnectorSettings> { ["B/1"] = new() { MaxCurrent = 11.5 }, ["C/1"] = new() { MaxCurrent = 11.5 } },
        });
        Assert.Empty(site.RunProfiles());

        // 0.4 A too much after the drop: B's held 0.5 A decrease alone makes room (largest excess, then id), so C's
        // stays held; A and D keep their held increases.
        site.CheckInvariant = false;
        site.Configure(s => s with { GridLimits = [new GridLimitStep(site.Now, 47.6)] });
        var decreases = site.RunProfiles();
        site.Advance(1);
        site.AnswerAll();
        site.CheckInvariant = true;
        site.AssertInvariants();

        Assert.Equal(("B/1", 11.5), (Assert.Single(decreases).Key, decreases["B/1"].Current));
        Assert.Equal((12, 11.5, 12, 12), (site["A/1"].Installed, site["B/1"].Installed, site["C/1"].Installed, site["D/1"].Installed));
        Assert.Equal((12.3, 11.5), (site["A/1"].Target, site["C/1"].Target));
    }

    [Fact]
    public void DeadBandIncreases_FreedCapacitySpreadBelowTheDeadBand_GoesOutInOneAmpereSteps()
    {
        var site = LoopHarness.Converged(50, "A", "B", "C", "D", "E");
        Assert.All(site.State.Connectors.Values, c => Assert.Equal(10, c.Installed));

        site.Configure(s => s with { Connectors = new Dictionary<string, ConnectorSettings> { ["E/1"] = new() { MaxCurrent = 7 } } });
        var decrease = site.RunProfiles();
        site.Advance(1);
        site.AnswerAll();
        site.Advance(5);
        var raised = site.RunProfiles();
        site.Advance(1);
        site.AnswerAll();
        site.Advance(30);
        var later = site.RunProfiles();

        Assert.Equal(("E/1", 7.0), (Assert.Single(decrease).Key, decrease["E/1"].Current));
        // Each share grows by 0.7 A (10.7), under the dead band: the 3 A freed go to A, B and C as 1 A steps, D waits.
        Assert.Equal(10.7, site["D/1"].Target);
        Assert.Equal(["A/1", "B/1", "C/1"], raised.Keys.Order());
        Assert.All(raised.Values, c => Assert.Equal((11.0, false), (c.Current, c.IsDecrease)));
        Assert.Empty(later);
        Assert.Equal(10, site["D/1"].Installed);
    }

    [Fact]
    public void DeadBand_SmallChangesAreHeld_OneAmpereIsSent()
    {
        var site = LoopHarness.Converged(48, "A", "B", "C");

        site.Configure(s => s with { Connectors = new Dictionary<string, ConnectorSettings> { ["B/1"] = new() { MaxCurrent = 15.5 } } });
        var held = site.RunProfiles();
        var heldTarget = site["A/1"].Target;
        site.Configure(s => s with { Connectors = new Dictionary<string, ConnectorSettings> { ["B/1"] = new() { MaxCurrent = 15 } } });
        var decrease = site.RunProfiles();

        Assert.Empty(held);
        Assert.Equal(16.2, heldTarget);
        var sent = Assert.Single(decrease);
        Assert.Equal(("B/1", 15.0), (sent.Key, sent.Value.Current));
        Assert.Equal(16, site["A/1"].Installed);
    }

    [Fact]
    public void MinimumInterval_HoldsAnIncreaseButNotAMandatoryDecrease()
    {
        var site = LoopHarness.Converged(48, "A", "B", "C");
        site.StopSession("C");
        Assert.Equal(2, site.RunProfiles().Count);
        site.Advance(1);
        site.AnswerAll();

        site.Advance(9);
        site.StartSession("C", 9);
        var decreases = site.RunProfiles();
        site.Advance(1);
        site.AnswerAll();
        site.Advance(9);
        site.StopSession("C");
        var early = site.RunProfiles();
        site.Advance(20);
        var due = site.RunProfiles();

        Assert.All(decreases.Values, c => Assert.Equal((21.0, true), (c.Current, c.IsDecrease)));
        Assert.Empty(early);
        Assert.Equal(["A/1", "B/1"], due.Keys.Order());
        Assert.All(due.Values, c => Assert.Equal(24.0, c.Current));
    }

    [Fact]
    public void PendingDecrease_CountsTheOldLimitUntilAccepted()
    {
        var site = LoopHarness.Converged(48, "A", "B");
        site.AddCharger("C");
        site.StartSession("C", 3);

        var decreases = site.RunProfiles();

        Assert.Equal((24, 21.0, 24), (site["A/1"].Installed, site["A/1"].Pending!.Value, site["A/1"].Effective));
        Assert.Equal(24, site.Ledger.EffectiveAt("A/1", site.Now, 230));
        site.Advance(1);
        site.Answer(decreases["A/1"]);
        Assert.Equal((21, (double?)null, 21), (site["A/1"].Installed, site["A/1"].Pending, site["A/1"].Effective));
    }

    [Fact]
    public void PendingIncrease_CountsTheNewLimitAtOnce()
    {
        var site = LoopHarness.Converged(48, "A", "B", "C");
        site.StopSession("C");

        site.RunProfiles();

        Assert.Equal((16, 24.0, 24), (site["A/1"].Installed, site["A/1"].Pending!.Value, site["A/1"].Effective));
    }

    [Fact]
    public void NewSession_DuringSettle_OthersAreDecreasedInTheSameRun()
    {
        var chargers = Enumerable.Range(0, 10).Select(i => $"K{i}").ToArray();
        var site = LoopHarness.Converged(100, chargers);
        site.CheckInvariant = false; // an unannounced drop is over the limit until its decreases are Accepted
        site.Configure(s => s with { GridLimits = [new GridLimitStep(site.Now, 99)] });
        Assert.Equal(10, site.RunProfiles().Count);
        site.AnswerAll(); // every decrease Accepted now: increases (the next launch) wait for the settle time
        site.CheckInvariant = true;

        site.AddCharger("NEW");
        site.StartSession("NEW", 99);
        var run = site.RunProfiles();

        // Each share falls by less than the dead band, but the launch needs the room: the decreases go now, and the
        // launch follows after the settle time.
        Assert.Equal(chargers.Select(c => c + "/1").Order(), run.Keys.Order());
        Assert.All(run.Values, c => Assert.True(c.Current <= (99 - 6) / 10.0, $"{c.ConnectorId} got {c.Current} A"));
    }
}
