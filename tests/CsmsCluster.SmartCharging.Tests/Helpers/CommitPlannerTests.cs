using CsmsCluster.SmartCharging.Tests.Properties;
using FsCheck;
using FsCheck.Fluent;

namespace CsmsCluster.SmartCharging.Tests.Helpers;

/// <summary>Spec "When to send": dead band, mandatory decreases, increases after acceptance, settle, hold, interval.</summary>
public sealed class CommitPlannerTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 2, 12, 0, 0, TimeSpan.Zero);

    private static CommitDecision One(ConnectorCommitState state, DateTimeOffset? lastDecreaseAccepted = null) =>
        CommitPlanner.Plan(Now, [state], lastDecreaseAccepted).Single();

    [Theory]
    [InlineData(20, 19.5, false, CommitReason.WithinDeadBand)]
    [InlineData(20, 19.0, true, CommitReason.Decrease)]
    [InlineData(6, 0, true, CommitReason.Decrease)]
    [InlineData(20, 20.5, false, CommitReason.WithinDeadBand)]
    [InlineData(20, 21, true, CommitReason.Increase)]
    [InlineData(0, 6, true, CommitReason.Increase)]
    [InlineData(16, 16, false, CommitReason.Unchanged)]
    public void DeadBand_AppliesBothWays(double installed, double target, bool send, CommitReason reason) =>
        Assert.Equal((send, reason), (One(new ConnectorCommitState("a", installed, target)).Send, One(new ConnectorCommitState("a", installed, target)).Reason));

    [Fact]
    public void RequiredDecrease_IsSentWithinTheDeadBandAndTheInterval()
    {
        var decision = One(new ConnectorCommitState("a", 20, 19.6) { DecreaseRequired = true, LastSentAt = Now.AddSeconds(-1) });

        Assert.Equal((true, CommitReason.Decrease), (decision.Send, decision.Reason));
    }

    [Fact]
    public void Increase_WaitsForPendingDecreasesThenSettleThenHoldThenInterval()
    {
        var increase = new ConnectorCommitState("up", 10, 20);
        var pendingDecrease = new ConnectorCommitState("down", 20, 10) { Pending = 10 };

        Assert.Equal(CommitReason.AwaitingDecreases, CommitPlanner.Plan(Now, [increase, pendingDecrease], null)[0].Reason);
        Assert.Equal(CommitReason.AwaitingDecreases, CommitPlanner.Plan(Now, [increase, new ConnectorCommitState("down", 20, 10)], null)[0].Reason);
        Assert.Equal(CommitReason.Settling, One(increase, Now.AddSeconds(-4)).Reason);
        Assert.Equal(CommitReason.Holding, One(increase with { ContinuousSince = Now.AddSeconds(-59) }, Now.AddSeconds(-5)).Reason);
        Assert.Equal(CommitReason.RateLimited, One(increase with { ContinuousSince = Now.AddSeconds(-60), LastSentAt = Now.AddSeconds(-29) }).Reason);
        Assert.Equal(CommitReason.Increase, One(increase with { ContinuousSince = Now.AddSeconds(-60), LastSentAt = Now.AddSeconds(-30) }).Reason);
    }

    [Fact]
    public void Plan_RequiredDecreaseAlreadyPendingAtTheTarget_IsNotSentAgain()
    {
        var decision = One(new ConnectorCommitState("k", 6, 2) { Pending = 2, DecreaseRequired = true }, Now.AddSeconds(-10));
        Assert.False(decision.Send);
    }

    [Fact]
    public void I9_NoIncreaseSmallerThanTheDeadBand_AndMandatoryDecreasesAlwaysGo()
    {
        var gen = Gen.Choose(0, int.MaxValue).Select(seed =>
        {
            var random = new Random(seed);
            return new ConnectorCommitState("k", random.Next(0, 33) / (random.Next(2) + 1.0), random.Next(0, 330) / 10.0)
            {
                Pending = random.Next(3) == 0 ? random.Next(0, 33) : null,
                LastSentAt = random.Next(2) == 0 ? Now.AddSeconds(-random.Next(0, 90)) : null,
                DecreaseRequired = random.Next(4) == 0,
                ContinuousSince = random.Next(2) == 0 ? Now.AddSeconds(-random.Next(0, 120)) : null,
            };
        });
        Check.One(
            SiteProperty.Config,
            Prop.ForAll(Arb.From(gen), (ConnectorCommitState state) =>
            {
                var decision = One(state, Now.AddSeconds(-10));
                // An increase is measured from what the charger may run: the larger of installed and pending.
                var from = Math.Max(state.Installed, state.Pending ?? state.Installed);
                var fromZero = state.Installed == 0 && state.Target >= state.MinCurrent;
                Assert.False(decision.Send && state.Target > from && state.Target - state.Installed < 1 - 1e-9 && !fromZero, $"{state}: increase within the dead band");
                // A decrease already pending at exactly the target needs no second send.
                var alreadyPending = state.Pending is { } pending && Math.Abs(pending - state.Target) < 1e-9;
                var mandatory = !alreadyPending && state.Target < from && (state.DecreaseRequired || state.Target == 0 || from - state.Target >= 1 - 1e-9);
                Assert.True(!mandatory || decision.Send, $"{state}: mandatory decrease held");
            }));
    }
}
