namespace CsmsCluster.Api;

/// <summary>Query options of a command: answer timeout, and whether to queue it for an offline charger.</summary>
/// <param name="Timeout">Seconds to wait for the charger's answer (default <c>Csms:Ocpp:CallTimeout</c>).</param>
/// <param name="Queue">When true and the charger is offline, queue the command (202) instead of failing (409).</param>
/// <param name="Ttl">Seconds a queued command waits before it expires (default 3600, at most 7 days).</param>
internal readonly record struct CommandOptions(double? Timeout, bool? Queue, double? Ttl);
