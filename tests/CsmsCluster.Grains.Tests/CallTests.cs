using CsmsCluster.Grains.Tests.Grains;
using CsmsCluster.Grains.Tests.Infrastructure;

namespace CsmsCluster.Grains.Tests;

/// <summary>Proxies: results, return shapes and exceptions cross the call unchanged.</summary>
public sealed class CallTests
{
    [Fact]
    public async Task GrainException_ThrownByGrainCode_ReachesCallerUnchanged()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Factory.GetGrain<ITurnGrain>(GrainIds.NewKey("turn"));

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => grain.ThrowAsync("connector 7 does not exist"));

        Assert.Equal("connector 7 does not exist", exception.Message);
    }

    [Fact]
    public async Task ValueTaskMethods_Called_ReturnResults()
    {
        await using var silo = await TestSilo.StartAsync();
        var key = GrainIds.NewKey("turn");
        var grain = silo.Factory.GetGrain<ITurnGrain>(key);

        Assert.Equal(42, await grain.AddAsync(40, 2));
        await grain.TouchAsync();

        Assert.Equal(1, silo.Probe.Count("touch:" + key));
    }

    [Fact]
    public async Task GetGrain_SameKey_AddressesOneActivation()
    {
        await using var silo = await TestSilo.StartAsync();
        var key = GrainIds.NewKey("lifecycle");

        var first = await silo.Factory.GetGrain<ILifecycleGrain>(key).PingAsync();
        var second = await silo.Factory.GetGrain<ILifecycleGrain>(key).PingAsync();

        Assert.Equal(first, second);
        Assert.Equal(new GrainId("test-lifecycle", key), GrainIds.Of(silo.Factory.GetGrain<ILifecycleGrain>(key)));
        Assert.Single(silo.Log.StartedFor(new GrainId("test-lifecycle", key)));
    }

    [Fact]
    public async Task InvokeLocalAsync_CallFoundByAliases_RunsLikeAProxyCall()
    {
        await using var silo = await TestSilo.StartAsync();
        var method = silo.Runtime.FindMethod("test-turn", "add");
        Assert.NotNull(method);
        var call = new GrainCall(
            new GrainId("test-turn", GrainIds.NewKey("turn")), method, [40, 2], silo.Time.GetUtcNow().AddSeconds(5), chain: null);

        var result = await silo.Runtime.InvokeLocalAsync(call, TestContext.Current.CancellationToken);

        Assert.Equal(42, result);
        Assert.Equal(typeof(int), method.ResultType);
        Assert.Equal([typeof(int), typeof(int)], method.ParameterTypes);
    }
}
