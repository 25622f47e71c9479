using CsmsCluster.Grains.Tests.Grains;
using CsmsCluster.Grains.Tests.Infrastructure;

namespace CsmsCluster.Grains.Tests;

/// <summary>The bounded mailbox rejects at once instead of queueing without limit.</summary>
public sealed class MailboxTests
{
    [Fact]
    public async Task Call_MailboxFull_FailsWithOverloadedAndNeverRuns()
    {
        await using var silo = await TestSilo.StartAsync(o => o.MailboxCapacity = 3);
        var key = GrainIds.NewKey("turn");
        var grain = silo.Factory.GetGrain<ITurnGrain>(key);
        var running = grain.BlockAsync("gate-" + key);
        await Eventually.WaitAsync(() => silo.Probe.Count("block-started:" + key) == 1, TestSilo.Guard, "the first call to start");
        var queued = Enumerable.Range(0, 3).Select(_ => grain.TouchAsync().AsTask()).ToArray();

        var rejected = grain.TouchAsync().AsTask();

        Assert.True(rejected.IsCompleted);
        var exception = await Assert.ThrowsAsync<GrainOverloadedException>(() => rejected);
        Assert.Equal($"test-turn/{key} is overloaded: its mailbox holds 3 calls; the call was not accepted.", exception.Message);
        silo.Probe.Open("gate-" + key);
        await Task.WhenAll([running, .. queued]).WaitAsync(TestSilo.Guard, TestContext.Current.CancellationToken);
        Assert.Equal(3, silo.Probe.Count("touch:" + key));
    }
}
