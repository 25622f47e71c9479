namespace CsmsCluster.Grains.Tests.Grains;

/// <summary>Records its lifecycle; activation fails while the probe says so.</summary>
[Alias("test-lifecycle")]
public interface ILifecycleGrain : IGrainWithStringKey
{
    /// <summary>Returns the id of the grain instance serving the call.</summary>
    [Alias("ping")]
    Task<Guid> PingAsync();

    [Alias("deactivate")]
    Task DeactivateAsync();

    /// <summary>Calls DelayDeactivation with the period.</summary>
    [Alias("keep-alive")]
    Task KeepAliveAsync(TimeSpan period);
}
