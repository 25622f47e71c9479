using CsmsCluster.SmartCharging.Loop;

namespace CsmsCluster.Contracts;

/// <summary>A charger's answer to a profile command of the Site grain.</summary>
/// <param name="ConnectorId">The command's connector id.</param>
/// <param name="Sequence">The command's sequence.</param>
/// <param name="Outcome">Accepted, rejected, failed or not delivered.</param>
/// <param name="Detail">The charger's status or error, for alarms.</param>
public sealed record ProfileAnswer(string ConnectorId, long Sequence, ProfileOutcome Outcome, string? Detail = null);
