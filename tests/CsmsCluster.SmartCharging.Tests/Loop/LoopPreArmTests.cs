using System.Text.Json;
using CsmsCluster.SmartCharging.Loop;

namespace CsmsCluster.SmartCharging.Tests.Loop;

/// <summary>
/// Spec "Launch energy", pre-armed launch: K idle connectors hold a launch TxDefaultProfile whose current counts as
/// reserve, so a plug-in starts at once within the limit. The harness checks I1 from the commands alone after every
/// step, counting each connector's TxDefault until a TxProfile of its transaction is Accepted.
/// </summary>
public sealed class LoopPreArmTests
{
    private static LoopHarness Site(double limit, int k, params string[] chargers)
    {
        var site = new LoopHarness(limit);
        site.Configure(s => s with { PreArmedConnectors = k });
        foreach (var id in chargers)
        {
            site.AddCharger(id);
        }
        return site;
    }

    private static List<ProfileCommand> Defaults(IEnumerable<ProfileCommand> commands) =>
        [.. commands.Where(c => c.Purpose == PreArming.Purpose)];

    [Fact]
    public void IdleSite_K1_ArmsOneConnectorWithAFixedIdAndStackLevelAtTheLaunchCurrent()
    {
        var site = Site(48, 1, "A", "B", "C");

        var sent = Assert.Single(Defaults(site.Run()));

        Assert.Equal(("A/1", 1, (int?)null, 6.0), (sent.ConnectorId, sent.ConnectorNumber, sent.TransactionId, sent.Current));
        Assert.Equal((site.Options.PreArmProfileIdBase + 1, site.Options.PreArmStackLevel), (sent.ProfileId, sent.StackLevel));
        Assert.NotEqual(site.Options.StackLevel, sent.StackLevel);
        Assert.Equal("arming", PreArming.StateOf(site["A/1"]));
        site.Advance(1);
        site.AnswerAll();
        Assert.Equal("armed", PreArming.StateOf(site["A/1"]));
        Assert.Null(PreArming.StateOf(site["B/1"]));
        // Armed and unchanged: nothing is sent again.
        site.Advance(60);
        Assert.Empty(site.Run());
    }

    [Fact]
    public void PlugInOnAnArmedConnector_StartsAtTheLaunchCurrentAtOnceAndTheNextIdleConnectorIsArmed()
    {
        var site = Site(48, 1, "A", "B");
        site.Run();
        site.Advance(1);
        site.AnswerAll();

        site.StartSession("A", 1);

        // Before any TxProfile the charger runs its TxDefault: the loop counts the session at 6 A from the start.
        Assert.Equal(6, site["A/1"].Installed);
        Assert.Equal(6, site.Ledger.EffectiveAt("A/1", site.Now, 230));
        var next = site.Run();
        Assert.Equal(["B/1"], Defaults(next).Select(c => c.ConnectorId));
        Assert.Equal("busy", PreArming.StateOf(site["A/1"]));
        site.Drive(120);
        // The session's TxProfile overrides the TxDefault: 48 A less B's 6 A reserve.
        Assert.Equal(32, site["A/1"].Installed);
        Assert.Equal("armed", PreArming.StateOf(site["B/1"]));
    }

    [Fact]
    public void Reserve_CountsInTheEffectiveLimit_SessionsShareWhatIsLeft()
    {
        var site = Site(48, 1, "A", "B", "C");
        site.StartSession("A", 1);
        site.StartSession("B", 2);

        site.Run();
        site.Drive(120);

        Assert.Equal((21.0, 21.0), (site["A/1"].Installed, site["B/1"].Installed));
        Assert.Equal("armed", PreArming.StateOf(site["C/1"]));
        Assert.Equal(6, PreArmSelection.Reserve(site["C/1"]));
    }

    [Fact]
    public void K1_OnAConvergedSite_DecreasesAreAcceptedAndSettledBeforeTheTxDefaultIsSent()
    {
        var site = LoopHarness.Converged(48, "A", "B");
        site.AddCharger("C");
        Assert.Equal((24.0, 24.0), (site["A/1"].Installed, site["B/1"].Installed));

        site.Configure(s => s with { PreArmedConnectors = 1 });
        var first = site.Run();

        Assert.Empty(Defaults(first));
        Assert.Equal(["A/1", "B/1"], first.Where(c => c.Purpose == "TxProfile").Select(c => c.ConnectorId).Order());
        Assert.All(first.Where(c => c.Purpose == "TxProfile"), c => Assert.True(c.IsDecrease && c.Current == 21));
        Assert.Equal("arming", PreArming.StateOf(site["C/1"]));
        site.Advance(1);
        site.AnswerAll();
        site.Advance(site.Options.Commit.Settle.TotalSeconds - 1);
        Assert.Empty(Defaults(site.Run()));
        site.Advance(1);
        var arm = Assert.Single(site.Run());
        Assert.Equal((PreArming.Purpose, "C/1", 6.0), (arm.Purpose, arm.ConnectorId, arm.Current));
    }

    [Fact]
    public void NoRoomAboveTheSessionsMinimums_NothingIsArmedAndNoSessionIsQueuedForIt()
    {
        var site = Site(12, 1, "A", "B", "C");
        site.StartSession("A", 1);
        site.StartSession("B", 2);

        site.Run();
        site.Drive(60);

        Assert.Empty(Defaults(site.History));
        Assert.Equal("noRoom", PreArming.StateOf(site["C/1"]));
        Assert.Equal((6.0, 6.0), (site["A/1"].Installed, site["B/1"].Installed));
        Assert.Equal(0, site.Ledger.EffectiveAt("C/1", site.Now, 230));
    }

    [Fact]
    public void KLowered_TheArmedConnectorIsClearedToZeroAtOnceAndItsReserveIsFreedOnlyWhenAccepted()
    {
        var site = Site(48, 1, "A", "B");
        site.StartSession("A", 1);
        site.Run();
        site.Drive(120);
        Assert.Equal(32, site["A/1"].Installed);

        site.Configure(s => s with { PreArmedConnectors = 0 });
        var clear = Assert.Single(site.Run());

        Assert.Equal((PreArming.Purpose, "B/1", 0.0, true), (clear.Purpose, clear.ConnectorId, clear.Current, clear.IsDecrease));
        Assert.Equal("clearing", PreArming.StateOf(site["B/1"]));
        // Still counted while the clear is pending.
        Assert.Equal(6, PreArmSelection.Reserve(site["B/1"]));
        site.Advance(1);
        site.AnswerAll();
        Assert.Null(PreArmSelection.Reserve(site["B/1"]));
        Assert.Null(PreArming.StateOf(site["B/1"]));
    }

    [Fact]
    public void CarStillPluggedInAfterItsSession_IsNotIdle_AndAnArmedConnectorWithACarIsLeftAlone()
    {
        var site = Site(48, 1, "A", "B");
        site.SetStatus("A", "Finishing");

        var arm = Assert.Single(Defaults(site.Run()));
        Assert.Equal("B/1", arm.ConnectorId);
        site.Advance(1);
        site.AnswerAll();

        // A car arrives at B (Preparing, no transaction yet): B keeps its TxDefault and nothing is sent to it.
        site.SetStatus("B", "Preparing");
        site.Advance(1);
        Assert.DoesNotContain(site.Run(), c => c.ConnectorId == "B/1");
        Assert.Equal("busy", PreArming.StateOf(site["B/1"]));
        Assert.Equal(6, PreArmSelection.Reserve(site["B/1"]));

        // A leaves: it is idle again and becomes the candidate, but B's TxDefault still counts until B is idle.
        site.SetStatus("A", null);
        site.Advance(1);
        var next = Defaults(site.Run());
        Assert.Equal(["A/1"], next.Select(c => c.ConnectorId));
    }

    [Fact]
    public void Rejected_StopsPreArmingThatConnector_RaisesAnAlarm_AndArmsAnotherOne()
    {
        var site = Site(48, 1, "A", "B");
        var arm = Assert.Single(Defaults(site.Run()));
        site.Advance(1);

        Assert.True(site.Answer(arm, ProfileOutcome.Rejected));

        Assert.Equal("refused", PreArming.StateOf(site["A/1"]));
        Assert.Equal("PreArmRefused", Assert.Single(site.State.Alarms).Kind);
        var next = Assert.Single(Defaults(site.Run()));
        Assert.Equal("B/1", next.ConnectorId);
        // A session on the refused connector is still controlled by TxProfile.
        site.StartSession("A", 1);
        site.Drive(60);
        Assert.True(site["A/1"].Controllable);
        Assert.True(site["A/1"].Installed > 0);
    }

    [Fact]
    public void Restart_WithATxDefaultPending_CountsItAndSendsItAgain()
    {
        var site = Site(48, 1, "A");
        Assert.Single(Defaults(site.Run()));

        PreArming.ResetPending(site.State);
        site.Outstanding.Clear();
        site.Advance(1);

        var again = Assert.Single(Defaults(site.Run()));
        Assert.Equal(("A/1", 6.0), (again.ConnectorId, again.Current));
        Assert.Equal(6, PreArmSelection.Reserve(site["A/1"]));
    }

    [Fact]
    public void StoredAndReadBack_AnArmedConnectorKeepsItsTxDefaultCountedAndIsNotSentAgain()
    {
        var site = Site(48, 1, "A", "B");
        site.Run();
        site.Advance(1);
        site.AnswerAll();

        var read = JsonSerializer.Deserialize<SiteLoopState>(JsonSerializer.Serialize(site.State))!;
        PreArming.ResetPending(read);

        Assert.Equal("armed", PreArming.StateOf(read.Connectors["A/1"]));
        Assert.Equal(6, PreArmSelection.Reserve(read.Connectors["A/1"]));
        Assert.DoesNotContain(SiteLoop.Run(read, site.Now.AddSeconds(10), site.Options).Commands, c => c.Purpose == PreArming.Purpose);
    }

    [Fact]
    public void SessionOnAnArmedConnector_GetsATxProfileAtItsLaunchCurrentAtOnce_ThenItsTxDefaultIsCleared()
    {
        var site = Site(48, 1, "A", "B");
        site.Run();
        site.Advance(1);
        site.AnswerAll();

        site.StartSession("A", 1);
        var takeOver = Assert.Single(site.Run(), c => c.ConnectorId == "A/1");

        // No more than the TxDefault it already runs: the session is under TxProfile control from here.
        Assert.Equal(("TxProfile", 6.0, (int?)1), (takeOver.Purpose, takeOver.Current, takeOver.TransactionId));
        Assert.Equal(6, site["A/1"].LaunchDefault);
        site.Advance(1);
        site.AnswerAll();
        var clear = Assert.Single(site.Run(), c => c.ConnectorId == "A/1");
        Assert.Equal((PreArming.Purpose, 0.0), (clear.Purpose, clear.Current));
        site.Advance(1);
        site.AnswerAll();
        Assert.Equal(0, site["A/1"].LaunchDefault);

        // When the session ends the connector is idle at 0 A: nothing reappears as reserve.
        site.Drive(60);
        site.StopSession("A");
        Assert.Null(PreArmSelection.Reserve(site["A/1"]));
    }
}
