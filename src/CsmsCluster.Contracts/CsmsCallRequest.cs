namespace CsmsCluster.Contracts;

/// <summary>A CSMS-initiated call to send to a charger.</summary>
/// <param name="Action">The OCPP action, e.g. <c>Reset</c>.</param>
/// <param name="Payload">The schema-valid payload JSON.</param>
/// <param name="Timeout">How long to wait for the charger's answer; zero means the server's default (30 s).</param>
/// <param name="QueueFor">When set and the charger is offline, the call is queued for this long and sent when the
/// charger connects (status <see cref="CsmsCallStatus.Queued"/>) instead of failing as not connected.</param>
/// <param name="RecordBehind">The caller keeps its own durable record of what the call establishes (a site's
/// TxProfiles: the site persists each limit before sending it and re-sends it after a restart), so the charge point
/// may write its copy of the result behind, coalesced with its next write, instead of before answering.</param>
public sealed record CsmsCallRequest(string Action, byte[] Payload, TimeSpan Timeout, TimeSpan? QueueFor = null, bool RecordBehind = false);
