namespace CsmsCluster.Server.Health;

/// <summary>
/// The probe port; configuration section <c>Csms:Health</c>. Kubernetes probes on the main port wait in the same
/// accept queue and thread pool as a reconnect storm; this port has its own socket and thread.
/// </summary>
public sealed class HealthProbeOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Csms:Health";

    /// <summary>Port of the probe listener; unset: no probe listener (the main port still serves both paths); 0: any free port.</summary>
    public int? Port { get; set; }

    /// <summary>Address the probe port binds to. Default 0.0.0.0.</summary>
    public string ListenAddress { get; set; } = "0.0.0.0";

    /// <summary>How often the thread pool's heartbeat ticks and readiness is evaluated. Default 1 s.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Liveness fails when the heartbeat (a timer on the thread pool) has not ticked for this long: the process is
    /// wedged, not merely busy. Default 60 s, longer than any admitted reconnect storm takes to drain.
    /// </summary>
    public TimeSpan LivenessStall { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Readiness older than this counts as not ready. Default 30 s.</summary>
    public TimeSpan ReadinessMaxAge { get; set; } = TimeSpan.FromSeconds(30);
}
