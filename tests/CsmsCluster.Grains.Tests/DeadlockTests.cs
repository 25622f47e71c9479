using CsmsCluster.Grains.Tests.Grains;
using CsmsCluster.Grains.Tests.Infrastructure;

namespace CsmsCluster.Grains.Tests;

/// <summary>A call that would wait on its own chain fails fast; the manual clock never moves, so a hang would time out the guard.</summary>
public sealed class DeadlockTests
{
    [Fact]
    public async Task CallCycle_AToBToA_FailsFastWithDeadlock()
    {
        await using var silo = await TestSilo.StartAsync();
        var a = GrainIds.NewKey("a");
        var b = GrainIds.NewKey("b");

        var exception = await Assert.ThrowsAsync<GrainDeadlockException>(
            () => silo.Factory.GetGrain<IChainGrain>(a).CallOtherAsync(b, a, interleavedBack: false).WaitAsync(TestSilo.Guard, TestContext.Current.CancellationToken));

        Assert.Contains($"test-chain/{a} is already in the call chain test-chain/{b} <- test-chain/{a}", exception.Message, StringComparison.Ordinal);
        Assert.Equal(0, silo.Probe.Count("ping:" + a));
    }

    [Fact]
    public async Task CallCycle_ToAlwaysInterleaveMethod_Succeeds()
    {
        await using var silo = await TestSilo.StartAsync();
        var a = GrainIds.NewKey("a");

        var result = await silo.Factory.GetGrain<IChainGrain>(a).CallOtherAsync(GrainIds.NewKey("b"), a, interleavedBack: true)
            .WaitAsync(TestSilo.Guard, TestContext.Current.CancellationToken);

        Assert.Equal(a, result);
    }

    [Fact]
    public async Task SelfCall_NonInterleaved_FailsFastWithDeadlock()
    {
        await using var silo = await TestSilo.StartAsync();
        var a = GrainIds.NewKey("a");

        await Assert.ThrowsAsync<GrainDeadlockException>(
            () => silo.Factory.GetGrain<IChainGrain>(a).CallBackAsync(a, interleaved: false).WaitAsync(TestSilo.Guard, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ChainWithoutCycle_AToBToC_Succeeds()
    {
        await using var silo = await TestSilo.StartAsync();
        var c = GrainIds.NewKey("c");

        var result = await silo.Factory.GetGrain<IChainGrain>(GrainIds.NewKey("a")).CallOtherAsync(GrainIds.NewKey("b"), c, interleavedBack: false)
            .WaitAsync(TestSilo.Guard, TestContext.Current.CancellationToken);

        Assert.Equal(c, result);
    }
}
