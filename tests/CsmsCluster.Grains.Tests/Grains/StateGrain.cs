using CsmsCluster.Grains.Tests.Infrastructure;

namespace CsmsCluster.Grains.Tests.Grains;

[GrainType("test-state")]
public sealed class StateGrain(TestProbe probe) : Grain<CounterState>, IStateGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.Record($"activate:{GetPrimaryKeyString()}:{State.Value}");
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Record($"deactivate:{GetPrimaryKeyString()}:{reason}");
        if (reason == DeactivationReason.ShuttingDown)
        {
            await WriteStateAsync(cancellationToken);
        }
    }

    public Task<int> GetAsync() => Task.FromResult(State.Value);

    public Task SetAsync(int value)
    {
        State.Value = value;
        return WriteStateAsync();
    }

    public Task SetInMemoryAsync(int value)
    {
        State.Value = value;
        return Task.CompletedTask;
    }

    public Task ClearAsync() => ClearStateAsync();
}
