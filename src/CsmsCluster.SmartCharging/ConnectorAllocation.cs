namespace CsmsCluster.SmartCharging;

/// <summary>The allocation for one connector.</summary>
/// <param name="ConnectorId">The connector.</param>
/// <param name="State">Admitted, queued or not eligible.</param>
/// <param name="Reason">Why it is not eligible; <see cref="ExclusionReason.None"/> otherwise.</param>
/// <param name="Allocation">The allocation in the site's unit (A per phase or W), floored to the quantum.</param>
/// <param name="Current">The same allocation in A per phase, floored to the quantum (what a TxProfile carries).</param>
/// <param name="NumberPhases">Phases in use, the profile's numberPhases.</param>
/// <param name="Cap">cap_k in the site's unit (0 when not eligible).</param>
/// <param name="AtCap">True when the connector stopped rising because it reached its cap.</param>
/// <param name="BindingConstraint">The id of the saturated constraint that stopped it, if any.</param>
public sealed record ConnectorAllocation(
    string ConnectorId,
    ConnectorState State,
    ExclusionReason Reason,
    double Allocation,
    double Current,
    int NumberPhases,
    double Cap,
    bool AtCap,
    string? BindingConstraint);
