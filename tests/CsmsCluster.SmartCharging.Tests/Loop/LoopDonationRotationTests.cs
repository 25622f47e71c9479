namespace CsmsCluster.SmartCharging.Tests.Loop;

/// <summary>Spec "Unused allocation" and "Allocation" step 3-4: donations, reclaims and the rotation of queued sessions.</summary>
public sealed class LoopDonationRotationTests
{
    [Fact]
    public void Donation_LowersDemand_OthersIncreaseAfterHold_ReclaimNeedsNoHold()
    {
        var site = LoopHarness.Converged(48, "A", "B");
        site.Advance(10);
        Assert.False(site.Meter("A", 10));
        site.Advance(10);
        Assert.True(site.Meter("A", 10));
        var donatedAt = site.Now;

        var decrease = site.RunProfiles();
        site.Advance(1);
        site.AnswerAll();
        site.Advance(5);
        var holding = site.RunProfiles();
        site.Advance(53);
        var early = site.RunProfiles();
        site.Advance(1);
        var increase = site.RunProfiles();
        site.Advance(1);
        site.AnswerAll();

        Assert.Equal(("A/1", 12.0, true), (Assert.Single(decrease).Key, decrease["A/1"].Current, decrease["A/1"].IsDecrease));
        Assert.Empty(holding);
        Assert.Empty(early);
        Assert.Equal(TimeSpan.FromSeconds(60), site.Now.AddSeconds(-1) - donatedAt);
        Assert.Equal(("B/1", 32.0), (Assert.Single(increase).Key, increase["B/1"].Current));

        site.Advance(30);
        Assert.True(site.Meter("A", 11.5));
        var reclaim = site.RunProfiles();
        site.Advance(1);
        site.AnswerAll();
        site.Advance(5);
        var restored = site.RunProfiles();

        Assert.Equal(("B/1", 24.0, true), (Assert.Single(reclaim).Key, reclaim["B/1"].Current, reclaim["B/1"].IsDecrease));
        Assert.Equal(("A/1", 24.0), (Assert.Single(restored).Key, restored["A/1"].Current));
    }

    [Fact]
    public void QueuedSession_AfterTheRotationPeriod_TakesTheLongestServedPlace()
    {
        var site = new LoopHarness(12);
        foreach (var (id, tx) in new[] { ("A", 1), ("B", 2) })
        {
            site.AddCharger(id);
            site.StartSession(id, tx);
        }
        site.Advance(1);
        site.AddCharger("C");
        site.StartSession("C", 3);
        site.Run();
        site.Drive(60);
        Assert.Equal((6, 6, 0), (site["A/1"].Installed, site["B/1"].Installed, site["C/1"].Installed));
        Assert.Equal(ConnectorState.Queued, site["C/1"].State);

        site.Drive(780);
        Assert.Equal(ConnectorState.Queued, site["C/1"].State);
        site.Drive(120);

        Assert.Equal(6, site["C/1"].Installed);
        Assert.Equal(ConnectorState.Admitted, site["C/1"].State);
        Assert.Equal(1, new[] { site["A/1"], site["B/1"] }.Count(c => c.Installed == 0 && c.State == ConnectorState.Queued));
    }

    [Fact]
    public void Rotation_OneTurn_MovesOnlyTheLongestServedSessionOut()
    {
        var site = new LoopHarness(18);
        foreach (var (id, tx) in new[] { ("A", 1), ("B", 2), ("C", 3) })
        {
            site.AddCharger(id);
            site.StartSession(id, tx);
        }
        site.Advance(1);
        site.AddCharger("D");
        site.StartSession("D", 4);
        site.Run();
        site.Drive(120);
        Assert.Equal(ConnectorState.Queued, site["D/1"].State);

        // Until the next turn, T_rot after the first, exactly one session is out after every loop run, and after the
        // first turn it is always the one that gave D its place (without a "yielded" rank it would take the next place
        // at the next run, and so on round the site).
        var queuedInTurn = new List<string>();
        for (var i = 0; i < 160; i++)
        {
            site.Drive(10);
            var queued = site.State.Connectors.Values.Where(c => c.State == ConnectorState.Queued).Select(c => c.Id).ToList();
            Assert.True(queued.Count == 1, $"{site.Now:HH:mm:ss}: queued {string.Join(", ", queued)}");
            if (queuedInTurn.Count == 0 || queuedInTurn[^1] != queued[0])
            {
                queuedInTurn.Add(queued[0]);
            }
        }

        Assert.Equal(2, queuedInTurn.Count);
        Assert.Equal("D/1", queuedInTurn[0]);
        Assert.Equal(6, site["D/1"].Installed);
        Assert.Equal(0, site[queuedInTurn[1]].Installed);
        Assert.Equal(2, new[] { "A/1", "B/1", "C/1" }.Count(id => site[id].Installed == 6));
    }
}
