namespace CsmsCluster.SmartCharging.Tests.Loop;

/// <summary>Spec "Launch energy", "When to send" and the convergence defaults: sessions arriving and leaving.</summary>
public sealed class LoopSessionTests
{
    [Fact]
    public void NewSession_OthersBusy_LaunchesAtMinimumAfterDecreasesAreAcceptedAndSettled()
    {
        var site = LoopHarness.Converged(48, "A", "B");
        Assert.Equal((24, 24), (site["A/1"].Installed, site["B/1"].Installed));

        site.AddCharger("C");
        site.StartSession("C", 3);
        var first = site.RunProfiles();

        Assert.Equal(["A/1", "B/1"], first.Keys.Order());
        Assert.All(first.Values, c => Assert.True(c.IsDecrease && c.Current == 21));
        site.Advance(1);
        site.AnswerAll();
        Assert.Empty(site.RunProfiles());
        site.Advance(4);
        Assert.Empty(site.RunProfiles());
        site.Advance(1);
        var launch = Assert.Single(site.RunProfiles());
        Assert.Equal(("C/1", 6.0, false, 3), (launch.Key, launch.Value.Current, launch.Value.IsDecrease, launch.Value.TransactionId!.Value));
    }

    [Fact]
    public void ThreeSessions_OnA48ASite_ConvergeTo16AEachWithinAMinute()
    {
        var site = new LoopHarness(48);
        foreach (var (id, tx) in new[] { ("A", 1), ("B", 2), ("C", 3) })
        {
            site.AddCharger(id);
            site.StartSession(id, tx);
        }

        var launch = site.RunProfiles();
        site.Drive(60);

        Assert.All(launch.Values, c => Assert.Equal(6, c.Current));
        Assert.Equal([16.0, 16.0, 16.0], site.State.Connectors.Values.Select(c => c.Installed));
        Assert.DoesNotContain(site.Outstanding, c => c.Purpose == "TxProfile");
    }

    [Fact]
    public void SessionStop_Settled_FreedShareIsSentAtOnceWithoutHold()
    {
        var site = LoopHarness.Converged(48, "A", "B", "C");

        site.StopSession("C");
        var increases = site.RunProfiles();

        Assert.Equal(["A/1", "B/1"], increases.Keys.Order());
        Assert.All(increases.Values, c => Assert.Equal((24.0, false), (c.Current, c.IsDecrease)));
    }

    [Fact]
    public void SessionStop_JustAfterADecrease_LaunchWaitsTheSettleTimeAndIncreasesTheMinimumInterval()
    {
        var site = LoopHarness.Converged(48, "A", "B", "C");
        site.AddCharger("D");
        site.StartSession("D", 4);
        Assert.Equal(3, site.RunProfiles().Count(c => c.Value.IsDecrease));
        site.Advance(1);
        site.AnswerAll();

        site.Advance(1);
        site.StopSession("C");
        Assert.Empty(site.RunProfiles());
        site.Advance(3);
        Assert.Empty(site.RunProfiles());
        site.Advance(1);
        var launch = Assert.Single(site.RunProfiles());
        site.Advance(1);
        site.AnswerAll();
        site.Advance(22);
        Assert.Empty(site.RunProfiles());
        site.Advance(1);
        var increases = site.RunProfiles();

        Assert.Equal(("D/1", 6.0), (launch.Key, launch.Value.Current));
        Assert.Equal(["A/1", "B/1"], increases.Keys.Order());
        Assert.All(increases.Values, c => Assert.Equal(21.0, c.Current));
    }
}
