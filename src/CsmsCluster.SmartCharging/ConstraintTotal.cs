namespace CsmsCluster.SmartCharging;

/// <summary>
/// One capacity constraint and its totals, in the site's unit except charger caps, which are A per phase.
/// <c>EffectiveLimit = Limit - BaseLoad - FixedLoad - Reserve</c>, where <see cref="Limit"/> already has the margin
/// (site only) and the grid limit applied.
/// </summary>
/// <param name="Id">"site", "feeder:{id}" or "charger:{id}", with "/L1".."/L3" on per-phase constraints.</param>
/// <param name="Kind">Site, feeder or charger.</param>
/// <param name="OwnerId">The feeder or charger id; null for the site.</param>
/// <param name="Phase">The phase of a per-phase constraint; null for a W total.</param>
/// <param name="Limit">The limit after margin and grid limit.</param>
/// <param name="BaseLoad">Measured non-EV load (site only).</param>
/// <param name="FixedLoad">Installed limits of uncontrollable or offline connectors on this constraint.</param>
/// <param name="Reserve">Launch reserve of pre-armed idle connectors on this constraint.</param>
/// <param name="EffectiveLimit">What the admitted connectors may share.</param>
/// <param name="Allocated">The sum of the quantised allocations on this constraint.</param>
/// <param name="Saturated">True when filling stopped at this constraint (before quantisation).</param>
public sealed record ConstraintTotal(
    string Id,
    ConstraintKind Kind,
    string? OwnerId,
    SitePhase? Phase,
    double Limit,
    double BaseLoad,
    double FixedLoad,
    double Reserve,
    double EffectiveLimit,
    double Allocated,
    bool Saturated);
