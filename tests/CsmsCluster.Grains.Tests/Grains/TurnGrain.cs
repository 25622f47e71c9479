using CsmsCluster.Grains.Tests.Infrastructure;

namespace CsmsCluster.Grains.Tests.Grains;

[GrainType("test-turn")]
public sealed class TurnGrain(TestProbe probe) : Grain, ITurnGrain
{
    private string Key => GetPrimaryKeyString();

    public async Task<int> WorkAsync(int hops)
    {
        var calls = probe.Tracker("calls:" + Key);
        calls.Enter();
        try
        {
            for (var i = 0; i < hops; i++)
            {
                probe.Tracker("segments:" + Key).Occupy();
                await Task.Yield();
                await Task.Run(static () => Thread.SpinWait(100));
            }

            return probe.Increment("work:" + Key);
        }
        finally
        {
            calls.Exit();
        }
    }

    public async Task BlockAsync(string gate)
    {
        probe.Tracker("segments:" + Key).Occupy();
        probe.Increment("block-started:" + Key);
        await probe.Gate(gate);
        probe.Tracker("segments:" + Key).Occupy();
        probe.Increment("block-finished:" + Key);
    }

    public async Task<int> InterleavedWorkAsync(int hops)
    {
        for (var i = 0; i < hops; i++)
        {
            probe.Tracker("segments:" + Key).Occupy();
            await Task.Yield();
            await Task.Run(static () => Thread.SpinWait(100));
        }

        return probe.Increment("interleaved:" + Key);
    }

    public async Task ThrowAsync(string message)
    {
        await Task.Yield();
        throw new ArgumentException(message);
    }

    public ValueTask<int> AddAsync(int a, int b) => ValueTask.FromResult(a + b);

    public ValueTask TouchAsync()
    {
        probe.Increment("touch:" + Key);
        return ValueTask.CompletedTask;
    }

    public Task<DateTimeOffset> GetDeadlineAsync() => Task.FromResult(GrainCallContext.Current!.Deadline);

    public async Task<bool> WaitForCancellationAsync(CancellationToken cancellationToken)
    {
        probe.Increment("wait-started:" + Key);
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            return false;
        }
        catch (OperationCanceledException)
        {
            probe.Record($"cancelled:{Key}:{cancellationToken == GrainCallContext.Current!.CancellationToken}");
            return true;
        }
    }
}
