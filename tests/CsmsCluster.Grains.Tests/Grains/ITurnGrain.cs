namespace CsmsCluster.Grains.Tests.Grains;

/// <summary>Probes turn semantics: concurrency, interleaving, exceptions, return shapes and the call context.</summary>
[Alias("test-turn")]
public interface ITurnGrain : IGrainWithStringKey
{
    /// <summary>A call that awaits <paramref name="hops"/> times; tracks how many calls are inside at once.</summary>
    [Alias("work")]
    Task<int> WorkAsync(int hops);

    /// <summary>Counts its start, then waits for the gate.</summary>
    [Alias("block")]
    Task BlockAsync(string gate);

    /// <summary>An interleaving call that awaits <paramref name="hops"/> times; tracks code segments running at once.</summary>
    [Alias("interleaved-work")]
    [AlwaysInterleave]
    Task<int> InterleavedWorkAsync(int hops);

    [Alias("throw")]
    Task ThrowAsync(string message);

    [Alias("add")]
    ValueTask<int> AddAsync(int a, int b);

    [Alias("touch")]
    ValueTask TouchAsync();

    /// <summary>The deadline the runtime gave this call.</summary>
    [Alias("deadline")]
    Task<DateTimeOffset> GetDeadlineAsync();

    /// <summary>Waits until the call's token is cancelled and records it.</summary>
    [Alias("wait-cancel")]
    Task<bool> WaitForCancellationAsync(CancellationToken cancellationToken);
}
