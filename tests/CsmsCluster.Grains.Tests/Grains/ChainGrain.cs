using CsmsCluster.Grains.Tests.Infrastructure;

namespace CsmsCluster.Grains.Tests.Grains;

[GrainType("test-chain")]
public sealed class ChainGrain(TestProbe probe) : Grain, IChainGrain
{
    public Task<string> CallOtherAsync(string otherKey, string backKey, bool interleavedBack) =>
        GrainFactory.GetGrain<IChainGrain>(otherKey).CallBackAsync(backKey, interleavedBack);

    public Task<string> CallBackAsync(string key, bool interleaved)
    {
        var target = GrainFactory.GetGrain<IChainGrain>(key);
        return interleaved ? target.PingInterleavedAsync() : target.PingAsync();
    }

    public Task<string> PingAsync()
    {
        probe.Increment("ping:" + GetPrimaryKeyString());
        return Task.FromResult(GetPrimaryKeyString());
    }

    public Task<string> PingInterleavedAsync() => Task.FromResult(GetPrimaryKeyString());

    public async Task<DateTimeOffset> GetCalleeDeadlineAsync(string otherKey, string gate)
    {
        probe.Increment("callee-deadline-started:" + GetPrimaryKeyString());
        await probe.Gate(gate);
        return await GrainFactory.GetGrain<IChainGrain>(otherKey).GetDeadlineAsync();
    }

    public Task<DateTimeOffset> GetDeadlineAsync() => Task.FromResult(GrainCallContext.Current!.Deadline);
}
