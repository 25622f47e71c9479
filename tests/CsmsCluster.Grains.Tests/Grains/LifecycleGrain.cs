using CsmsCluster.Grains.Tests.Infrastructure;

namespace CsmsCluster.Grains.Tests.Grains;

/// <summary>Activation throws while the probe's <c>fail-activation:{key}</c> counter is odd.</summary>
[GrainType("test-lifecycle")]
public sealed class LifecycleGrain(TestProbe probe) : Grain, ILifecycleGrain
{
    private readonly Guid _instanceId = Guid.NewGuid();

    public static string FailSwitch(string key) => "fail-activation:" + key;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await Task.Yield();
        if (probe.Count(FailSwitch(GetPrimaryKeyString())) % 2 == 1)
        {
            probe.Record($"activate-failed:{GetPrimaryKeyString()}");
            throw new InvalidOperationException($"Activation of {GetPrimaryKeyString()} refused by the test.");
        }

        probe.Record($"activate:{GetPrimaryKeyString()}");
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Record($"deactivate:{GetPrimaryKeyString()}:{reason}");
        return Task.CompletedTask;
    }

    public Task<Guid> PingAsync()
    {
        probe.Record($"ping:{GetPrimaryKeyString()}");
        return Task.FromResult(_instanceId);
    }

    public Task DeactivateAsync()
    {
        probe.Record($"deactivate-requested:{GetPrimaryKeyString()}");
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task KeepAliveAsync(TimeSpan period)
    {
        DelayDeactivation(period);
        return Task.CompletedTask;
    }
}
