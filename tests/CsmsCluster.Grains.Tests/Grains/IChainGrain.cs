namespace CsmsCluster.Grains.Tests.Grains;

/// <summary>Grains calling grains: call cycles and deadline propagation.</summary>
[Alias("test-chain")]
public interface IChainGrain : IGrainWithStringKey
{
    /// <summary>Calls <paramref name="otherKey"/>, which calls back <paramref name="backKey"/> (non-interleaved).</summary>
    [Alias("call-other")]
    Task<string> CallOtherAsync(string otherKey, string backKey, bool interleavedBack);

    /// <summary>Calls <see cref="PingAsync"/> (or <see cref="PingInterleavedAsync"/>) on <paramref name="key"/>.</summary>
    [Alias("call-back")]
    Task<string> CallBackAsync(string key, bool interleaved);

    [Alias("ping")]
    Task<string> PingAsync();

    [Alias("ping-interleaved")]
    [AlwaysInterleave]
    Task<string> PingInterleavedAsync();

    /// <summary>Waits for <paramref name="gate"/>, then returns the deadline <paramref name="otherKey"/> got.</summary>
    [Alias("callee-deadline")]
    Task<DateTimeOffset> GetCalleeDeadlineAsync(string otherKey, string gate);

    [Alias("deadline")]
    Task<DateTimeOffset> GetDeadlineAsync();
}
