namespace CsmsCluster.Server.Health;

/// <summary>Where the probe port listens (for tests and tools that start the server with port 0).</summary>
public interface IHealthProbePort
{
    /// <summary>The bound port once started; null when no probe port is configured.</summary>
    int? BoundPort { get; }
}
