namespace CsmsCluster.Grains.Tests.Grains;

/// <summary>A grain with durable state.</summary>
[Alias("test-state")]
public interface IStateGrain : IGrainWithStringKey
{
    [Alias("get")]
    Task<int> GetAsync();

    /// <summary>Sets the value and writes the state.</summary>
    [Alias("set")]
    Task SetAsync(int value);

    /// <summary>Sets the value without writing (OnDeactivateAsync writes it on shutdown).</summary>
    [Alias("set-in-memory")]
    Task SetInMemoryAsync(int value);

    [Alias("clear")]
    Task ClearAsync();
}
