namespace CsmsCluster.Contracts;

/// <summary>The result of a CSMS-initiated call.</summary>
/// <param name="Status">How the call ended.</param>
/// <param name="Payload">The CALLRESULT payload JSON when <see cref="CsmsCallStatus.Completed"/>.</param>
/// <param name="ErrorCode">The charger's CALLERROR code.</param>
/// <param name="ErrorDescription">The charger's CALLERROR description, or why nothing was sent.</param>
/// <param name="Queued">The queued command when <see cref="CsmsCallStatus.Queued"/>.</param>
public sealed record CsmsCallOutcome(CsmsCallStatus Status, byte[]? Payload = null, string? ErrorCode = null, string? ErrorDescription = null, QueuedCommand? Queued = null);
