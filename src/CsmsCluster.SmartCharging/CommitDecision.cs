namespace CsmsCluster.SmartCharging;

/// <summary>The planner's decision for one connector.</summary>
/// <param name="ConnectorId">The connector.</param>
/// <param name="Send">True to send <paramref name="Limit"/> now.</param>
/// <param name="Limit">The limit to send (the target), A per phase.</param>
/// <param name="Reason">Why.</param>
public sealed record CommitDecision(string ConnectorId, bool Send, double Limit, CommitReason Reason);
