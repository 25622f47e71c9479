using CsmsCluster.Grains.Tests.Grains;
using CsmsCluster.Grains.Tests.Infrastructure;

namespace CsmsCluster.Grains.Tests;

/// <summary>Activation lifecycle: hooks, failed activations, requested deactivation.</summary>
public sealed class ActivationTests
{
    [Fact]
    public async Task Activation_OnActivateThrows_CallFailsUnavailableAndNextCallGetsFreshActivation()
    {
        await using var silo = await TestSilo.StartAsync();
        var key = GrainIds.NewKey("lifecycle");
        var grainId = new GrainId("test-lifecycle", key);
        var grain = silo.Factory.GetGrain<ILifecycleGrain>(key);
        silo.Probe.Increment(LifecycleGrain.FailSwitch(key));

        var exception = await Assert.ThrowsAsync<GrainUnavailableException>(() => grain.PingAsync());
        silo.Probe.Increment(LifecycleGrain.FailSwitch(key));
        await grain.PingAsync();

        var cause = Assert.IsType<InvalidOperationException>(exception.InnerException);
        Assert.Equal($"Activation of {key} refused by the test.", cause.Message);
        Assert.Equal([$"activate-failed:{key}", $"activate:{key}", $"ping:{key}"], silo.Probe.Events);
        var started = silo.Log.StartedFor(grainId);
        Assert.Equal(2, started.Count);
        Assert.NotEqual(started[0].ActivationId, started[1].ActivationId);
        var ended = Assert.Single(silo.Log.EndedFor(grainId));
        Assert.Equal(started[0].ActivationId, ended.ActivationId);
        Assert.Null(ended.Reason);
    }

    [Fact]
    public async Task DeactivateOnIdle_ThenCall_RunsHooksInOrderWithFreshInstance()
    {
        await using var silo = await TestSilo.StartAsync();
        var key = GrainIds.NewKey("lifecycle");
        var grainId = new GrainId("test-lifecycle", key);
        var grain = silo.Factory.GetGrain<ILifecycleGrain>(key);

        var firstInstance = await grain.PingAsync();
        await grain.DeactivateAsync();
        var secondInstance = await grain.PingAsync();

        Assert.NotEqual(firstInstance, secondInstance);
        Assert.Equal(
            [$"activate:{key}", $"ping:{key}", $"deactivate-requested:{key}", $"deactivate:{key}:Requested", $"activate:{key}", $"ping:{key}"],
            silo.Probe.Events);
        var ended = Assert.Single(silo.Log.EndedFor(grainId));
        Assert.Equal(DeactivationReason.Requested, ended.Reason);
        Assert.Equal(2, silo.Log.StartedFor(grainId).Count);
    }

    [Fact]
    public async Task ConcurrentCalls_DuringDeactivation_NeverOverlapTwoActivations()
    {
        await using var silo = await TestSilo.StartAsync();
        var key = GrainIds.NewKey("lifecycle");
        var grainId = new GrainId("test-lifecycle", key);
        var grain = silo.Factory.GetGrain<ILifecycleGrain>(key);

        var calls = Enumerable.Range(0, 200).Select(i => Task.Run(() => i % 20 == 0 ? grain.DeactivateAsync() : grain.PingAsync()));
        await Task.WhenAll(calls).WaitAsync(TestSilo.Guard, TestContext.Current.CancellationToken);
        await grain.PingAsync(); // Whatever the order above, this runs after at least one requested deactivation.

        Assert.Equal(1, silo.Log.MaxConcurrent(grainId));
        Assert.True(silo.Log.StartedFor(grainId).Count >= 2, "DeactivateOnIdle should have replaced the activation at least once.");
        Assert.Equal(0, silo.Probe.Events.Count(e => e.StartsWith("activate-failed", StringComparison.Ordinal)));
    }
}
