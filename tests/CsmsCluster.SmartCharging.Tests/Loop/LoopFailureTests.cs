using CsmsCluster.SmartCharging.Loop;

namespace CsmsCluster.SmartCharging.Tests.Loop;

/// <summary>Spec "When to send", failures: retries in the fallback mode, uncontrollable connectors, offline chargers, stale answers.</summary>
public sealed class LoopFailureTests
{
    [Fact]
    public void RejectedTwice_RetriesOnceInWattsThenExcludesTheConnectorAndRaisesAnAlarm()
    {
        var site = new LoopHarness(48);
        site.AddCharger("A");
        site.AddCharger("B");
        site.StartSession("A", 1);

        var first = site.RunProfiles()["A/1"];
        Assert.True(site.Answer(first, ProfileOutcome.Rejected));
        var retry = site.RunProfiles()["A/1"];
        Assert.True(site.Answer(retry, ProfileOutcome.Rejected));
        var after = site.RunProfiles();

        Assert.Equal(("A", 6.0), (first.Unit, first.Current));
        Assert.Equal(("W", 4140.0, 6.0), (retry.Unit, retry.Periods[0].Limit, retry.Current));
        Assert.Empty(after);
        Assert.False(site["A/1"].Controllable);
        Assert.Equal(ExclusionReason.Uncontrollable, site["A/1"].Reason);
        Assert.Equal(["ProfileFailed", "Uncontrollable"], site.State.Alarms.Select(a => a.Kind));

        // Counted at its maximum: the other connector gets what is left.
        site.StartSession("B", 2);
        site.Drive(60);
        Assert.Equal(16, site["B/1"].Installed);
    }

    [Fact]
    public void Uncontrollable_TwoConnectorsOfOneCharger_CountAtMostTheChargersCap()
    {
        var site = new LoopHarness(80);
        site.AddCharger("A", connectors: 2);
        site.AddCharger("B");
        site.StartSession("A", 1, connector: 1);
        site.StartSession("A", 2, connector: 2);
        site["A/1"].Controllable = false;
        site["A/2"].Controllable = false;
        site.StartSession("B", 3);

        site.Drive(120);

        // The charger's two connectors count 32 A together (its cap), not 64 A: 48 A remain for B's 32 A maximum.
        Assert.Equal(32, site["B/1"].Installed);
    }

    [Fact]
    public void NotDelivered_CountsTheHigherLimitAndResendsOnReconnect()
    {
        var site = LoopHarness.Converged(48, "A", "B");
        site.AddCharger("C");
        site.StartSession("C", 3);
        var decreases = site.RunProfiles();

        site.SetOnline("A", false);
        Assert.False(site.Answer(decreases["A/1"], ProfileOutcome.NotDelivered));
        site.Answer(decreases["B/1"]);
        Assert.Equal((24, true), (site["A/1"].Installed, site["A/1"].ResendRequired));
        site.Drive(30);
        Assert.DoesNotContain(site.Outstanding, c => c.ChargerId == "A");
        Assert.Equal(18, site["B/1"].Installed);

        site.SetOnline("A", true);
        var reconnect = site.Run().Where(c => c.ChargerId == "A").ToList();

        Assert.Equal(["ChargePointMaxProfile", "TxProfile"], reconnect.Select(c => c.Purpose).Order());
    }

    [Fact]
    public void Overdraw_TwoSamplesAboveTheLimit_MarkTheConnectorUncontrollable()
    {
        var site = LoopHarness.Converged(48, "A", "B");
        site.Advance(10);

        Assert.False(site.Meter("A", 27));
        site.Advance(10);
        // From here A counts at its maximum: I1 is broken until B's decrease is Accepted.
        site.CheckInvariant = false;
        Assert.True(site.Meter("A", 27));
        var decrease = site.RunProfiles();
        site.Advance(1);
        site.AnswerAll();
        site.CheckInvariant = true;
        site.AssertInvariants();

        Assert.False(site["A/1"].Controllable);
        Assert.Equal("Overdraw", Assert.Single(site.State.Alarms).Kind);
        Assert.Equal(("B/1", 16.0), (Assert.Single(decrease).Key, decrease["B/1"].Current));
    }

    [Fact]
    public void StaleAnswer_ToASupersededSend_IsIgnored()
    {
        var site = LoopHarness.Converged(48, "A", "B");
        site.AddCharger("C");
        site.AddCharger("D");
        site.StartSession("C", 3);
        var first = site.RunProfiles();
        site.StartSession("D", 4);
        var second = site.RunProfiles();

        Assert.False(site.Answer(first["A/1"]));
        Assert.Equal((24, 18.0), (site["A/1"].Installed, site["A/1"].Pending!.Value));
        Assert.True(site.Answer(second["A/1"]));
        Assert.Equal(18, site["A/1"].Installed);
        Assert.False(site.Answer(first["B/1"]));
        Assert.Equal(24, site["B/1"].Installed);
    }

    [Fact]
    public void StaleAnswer_FromAnEndedTransaction_IsIgnored()
    {
        var site = new LoopHarness(48);
        site.AddCharger("A");
        site.StartSession("A", 1);
        var launch = site.RunProfiles()["A/1"];

        site.StopSession("A");
        site.StartSession("A", 2);

        Assert.False(site.Answer(launch));
        Assert.Equal(0, site["A/1"].Installed);
    }

    [Fact]
    public void Backstop_IsSentOncePerConnection()
    {
        var site = new LoopHarness(48);
        site.AddCharger("A");

        var first = site.Run();
        site.AnswerAll();
        site.Advance(10);
        var second = site.Run();
        site.SetOnline("A", false);
        site.SetOnline("A", true);
        var reconnect = site.Run();

        var backstop = Assert.Single(first);
        Assert.Equal(("ChargePointMaxProfile", 0, 32.0), (backstop.Purpose, backstop.ConnectorNumber, backstop.Current));
        Assert.Empty(second);
        Assert.Equal("ChargePointMaxProfile", Assert.Single(reconnect).Purpose);
    }

    [Fact]
    public void Alarms_PastTheListsCap_KeepTheNewestAndCountEveryOneRaised()
    {
        var state = new SiteLoopState();
        var options = new LoopOptions();
        var start = new DateTimeOffset(2025, 6, 2, 12, 0, 0, TimeSpan.Zero);

        for (var i = 1; i <= options.MaxAlarms + 5; i++)
        {
            SiteObservations.Raise(state, new SiteAlarm(start.AddSeconds(i), "A/1", "ProfileFailed", $"alarm {i}"), options);
        }

        // A reader that remembers how many it has seen finds the 5 new ones although the list stayed the same length.
        Assert.Equal(options.MaxAlarms, state.Alarms.Count);
        Assert.Equal(options.MaxAlarms + 5, state.AlarmsRaised);
        Assert.Equal($"alarm {options.MaxAlarms + 5}", state.Alarms[^1].Message);
        Assert.Equal("alarm 6", state.Alarms[0].Message);
    }
}
