using CsmsCluster.Grains.Tests.Infrastructure;

namespace CsmsCluster.Grains.Tests.Grains;

[GrainType("test-timer")]
public sealed class TimerGrain(TestProbe probe) : Grain, ITimerGrain
{
    private string Key => GetPrimaryKeyString();

    private OverlapTracker Turns => probe.Tracker("turns:" + Key);

    public Task StartTimerAsync(TimeSpan dueTime, TimeSpan period, string tickGate)
    {
        RegisterGrainTimer(ct => TickAsync(tickGate, ct), dueTime, period);
        return Task.CompletedTask;
    }

    public async Task BlockAsync(string gate)
    {
        Turns.Enter();
        try
        {
            probe.Increment("block-started:" + Key);
            await probe.Gate(gate);
        }
        finally
        {
            Turns.Exit();
        }
    }

    public Task<int> GetTicksAsync() => Task.FromResult(probe.Count("ticks-finished:" + Key));

    private async Task TickAsync(string tickGate, CancellationToken cancellationToken)
    {
        Turns.Enter();
        try
        {
            probe.Increment("ticks-started:" + Key);
            if (tickGate.Length > 0)
            {
                await probe.Gate(tickGate).WaitAsync(cancellationToken);
            }

            await Task.Yield();
            probe.Increment("ticks-finished:" + Key);
        }
        finally
        {
            Turns.Exit();
        }
    }
}
