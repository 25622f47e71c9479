namespace CsmsCluster.Contracts;

/// <summary>A CSMS-initiated call kept until the charger is connected (or the CSMS sends it on its own later).</summary>
/// <param name="CommandId">The command id.</param>
/// <param name="Action">The OCPP action.</param>
/// <param name="PayloadJson">The payload as queued.</param>
/// <param name="CreatedAt">When it was queued.</param>
/// <param name="ExpiresAt">After this it is not sent any more (status Expired).</param>
/// <param name="Status">Queued, Completed, CallError, Timeout or Expired.</param>
/// <param name="ResultJson">The charger's answer when Completed.</param>
/// <param name="Error">The CALLERROR code and description, or why it ended.</param>
/// <param name="FinishedAt">When it ended.</param>
public sealed record QueuedCommand(
    string CommandId,
    string Action,
    string PayloadJson,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    string Status,
    string? ResultJson = null,
    string? Error = null,
    DateTimeOffset? FinishedAt = null)
{
    /// <summary>Status of a command waiting to be sent.</summary>
    public const string Queued = "Queued";
}
