namespace CsmsCluster.Grains;

/// <summary>Settings of the grain runtime of one silo.</summary>
public sealed class GrainRuntimeOptions
{
    /// <summary>The service (deployment) the grains belong to; part of every storage key. Default <c>csms</c>.</summary>
    public string ServiceId { get; set; } = "csms";

    /// <summary>
    /// Calls an activation may hold queued (plus running interleaved calls); one more fails at once with
    /// <see cref="GrainOverloadedException"/> and does not run. Default 1,000.
    /// </summary>
    public int MailboxCapacity { get; set; } = 1000;

    /// <summary>
    /// Deadline of a call made outside a grain; a call made inside a grain call inherits the smaller of this and the
    /// remaining deadline of that call. Default 30 seconds.
    /// </summary>
    public TimeSpan DefaultCallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An activation that received no call for this long is deactivated (reason Idle). Default 15 minutes.</summary>
    public TimeSpan IdleDeactivationAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often the single idle sweep looks for idle activations. Default 30 seconds.</summary>
    public TimeSpan IdleSweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long graceful shutdown waits for every activation to run <see cref="Grain.OnDeactivateAsync"/>; the ones
    /// still running then are dropped without writing (reason Fenced). Default 30 seconds.
    /// </summary>
    public TimeSpan ShutdownDeactivationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// When true (the default), start-up also checks that every grain method's parameter and result types are
    /// covered by the registered JSON type info, so calls can cross the wire once grains are spread over silos.
    /// State types are always checked.
    /// </summary>
    public bool RequireSerializableCallTypes { get; set; } = true;
}
