using CsmsCluster.Grains.Tests.Grains;
using CsmsCluster.Grains.Tests.Infrastructure;

namespace CsmsCluster.Grains.Tests;

/// <summary>G2 at the runtime: state is claimed on activation and every write is version-fenced.</summary>
public sealed class StateTests
{
    [Fact]
    public async Task Activation_StoredState_IsLoadedBeforeOnActivate()
    {
        await using var silo = await TestSilo.StartAsync();
        var key = GrainIds.NewKey("state");
        var grainId = new GrainId("test-state", key);
        var claimed = await silo.Storage.ClaimAsync(grainId, TestContext.Current.CancellationToken);
        await silo.Storage.WriteAsync(grainId, """{"Value":17}"""u8.ToArray(), claimed.Version, TestContext.Current.CancellationToken);

        var value = await silo.Factory.GetGrain<IStateGrain>(key).GetAsync();

        Assert.Equal(17, value);
        Assert.Equal([$"activate:{key}:17"], silo.Probe.Events);
        Assert.Equal(3, silo.Storage.Read(grainId)!.Version); // Claimed by the test, written, claimed by the activation.
    }

    [Fact]
    public async Task WriteState_Called_PersistsWithNextVersion()
    {
        await using var silo = await TestSilo.StartAsync();
        var key = GrainIds.NewKey("state");
        var grainId = new GrainId("test-state", key);

        await silo.Factory.GetGrain<IStateGrain>(key).SetAsync(5);

        var record = silo.Storage.Read(grainId)!;
        Assert.Equal("""{"Value":5}""", System.Text.Encoding.UTF8.GetString(record.Payload!));
        Assert.Equal(2, record.Version);
    }

    [Fact]
    public async Task ClearState_Called_RemovesPayload()
    {
        await using var silo = await TestSilo.StartAsync();
        var key = GrainIds.NewKey("state");
        var grain = silo.Factory.GetGrain<IStateGrain>(key);
        await grain.SetAsync(5);

        await grain.ClearAsync();

        var record = silo.Storage.Read(new GrainId("test-state", key))!;
        Assert.Null(record.Payload);
        Assert.Equal(3, record.Version);
    }

    [Fact]
    public async Task WriteState_StorageClaimedBehindTheGrain_FailsInconsistentAndActivationIsReplaced()
    {
        await using var silo = await TestSilo.StartAsync();
        var key = GrainIds.NewKey("state");
        var grainId = new GrainId("test-state", key);
        var grain = silo.Factory.GetGrain<IStateGrain>(key);
        await grain.SetAsync(1);
        await silo.Storage.ClaimAsync(grainId, TestContext.Current.CancellationToken); // Another activation claims: version 3.

        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.SetAsync(2));
        var value = await grain.GetAsync();

        Assert.Equal(1, value);
        var ended = Assert.Single(silo.Log.EndedFor(grainId));
        Assert.Equal(DeactivationReason.InconsistentState, ended.Reason);
        Assert.Equal(2, silo.Log.StartedFor(grainId).Count);
        Assert.Equal([$"activate:{key}:0", $"activate:{key}:1"], silo.Probe.Events); // The stale one never ran OnDeactivateAsync.
        Assert.Equal(4, silo.Storage.Read(grainId)!.Version);
    }

    [Fact]
    public async Task Activation_NoStorageRegistered_FailsWithClearMessage()
    {
        await using var silo = await TestSilo.StartAsync(withStorage: false);
        var key = GrainIds.NewKey("state");

        var exception = await Assert.ThrowsAsync<GrainUnavailableException>(() => silo.Factory.GetGrain<IStateGrain>(key).GetAsync());

        var cause = Assert.IsType<InvalidOperationException>(exception.InnerException);
        Assert.Equal(
            $"Grain test-state/{key} has state (CounterState) but no IGrainStorage is registered. " +
            "Register one, e.g. services.AddSingleton<IGrainStorage, InMemoryGrainStorage>().",
            cause.Message);
    }
}
