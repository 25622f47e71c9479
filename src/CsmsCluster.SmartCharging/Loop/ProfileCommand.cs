namespace CsmsCluster.SmartCharging.Loop;

/// <summary>A SetChargingProfile the loop wants sent (spec "What is sent").</summary>
/// <param name="Sequence">Site-wide send number; an answer to an older sequence is ignored.</param>
/// <param name="ConnectorId">The loop's connector id (<c>chargePointId/n</c>); <c>chargePointId/0</c> for a backstop.</param>
/// <param name="ChargerId">The charge point.</param>
/// <param name="ConnectorNumber">The OCPP connector id (0 for ChargePointMaxProfile).</param>
/// <param name="TransactionId">The transaction a TxProfile belongs to; null for a ChargePointMaxProfile.</param>
/// <param name="Purpose">TxProfile or ChargePointMaxProfile.</param>
/// <param name="ProfileId">The deterministic profile id.</param>
/// <param name="StackLevel">The fixed stack level.</param>
/// <param name="StartSchedule">now - clock skew.</param>
/// <param name="Unit">"A" or "W".</param>
/// <param name="NumberPhases">Phases in use.</param>
/// <param name="Periods">Limits in <paramref name="Unit"/>: the current one first, then known future reductions.</param>
/// <param name="Current">The first period's limit in A per phase (what the loop accounts).</param>
/// <param name="IsDecrease">True when the send lowers the connector's limit.</param>
public sealed record ProfileCommand(
    long Sequence,
    string ConnectorId,
    string ChargerId,
    int ConnectorNumber,
    int? TransactionId,
    string Purpose,
    int ProfileId,
    int StackLevel,
    DateTimeOffset StartSchedule,
    string Unit,
    int NumberPhases,
    IReadOnlyList<SchedulePeriod> Periods,
    double Current,
    bool IsDecrease);
