namespace CsmsCluster.SmartCharging;

/// <summary>
/// The pure site allocation of spec "Allocation" (steps 1-6). Same inputs give the same outputs; every tie is broken
/// by a stable key (session times, then connector id), never by input order.
/// </summary>
public static class SiteAllocator
{
    /// <summary>Allocates the site's effective limit at <paramref name="now"/> to its connectors.</summary>
    /// <param name="now">The instant: selects L_grid(now) and drives rotation.</param>
    /// <param name="inputs">The site.</param>
    /// <returns>Per-connector allocations and per-constraint totals.</returns>
    /// <exception cref="ArgumentException">A connector names an unknown charger, a feeder path is unknown or cyclic,
    /// or a connector has an invalid phase count or weight.</exception>
    public static SiteAllocation Allocate(DateTimeOffset now, SiteInputs inputs) => Project(now, now, inputs);

    /// <summary>
    /// Allocation with rotation evaluated at <paramref name="now"/> but limits and activation windows at
    /// <paramref name="limitAt"/>: the projection a profile needs to encode known future reductions.
    /// </summary>
    internal static SiteAllocation Project(DateTimeOffset now, DateTimeOffset limitAt, SiteInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var model = SiteModel.Build(inputs, limitAt);
        var eligible = model.Candidates.Where(c => c.Reason == ExclusionReason.None).ToList();
        eligible.Sort(new RotationOrder(now, inputs.Options.RotationPeriod));
        FirstFitAdmission.Admit(eligible);
        foreach (var @class in eligible.Where(c => c.Admitted).GroupBy(c => c.Priority).OrderByDescending(g => g.Key))
        {
            WaterFilling.Fill([.. @class], model.Rows);
        }
        return Result(limitAt, inputs, model);
    }

    private static SiteAllocation Result(DateTimeOffset at, SiteInputs inputs, SiteModel model)
    {
        var connectors = model.Candidates.Select(c => Quantised(c, inputs.Options.Quantum)).ToList();
        var allocated = new Dictionary<ConstraintRow, double>();
        foreach (var (candidate, allocation) in model.Candidates.Zip(connectors))
        {
            foreach (var (row, coefficient) in candidate.Path)
            {
                allocated[row] = allocated.GetValueOrDefault(row) + (coefficient * allocation.Allocation);
            }
        }
        var constraints = model.Rows.Select(r => new ConstraintTotal(
            r.Id, r.Kind, r.OwnerId, r.Phase, r.Limit, r.BaseLoad, r.FixedLoad, r.Reserve, r.EffectiveLimit,
            allocated.GetValueOrDefault(r), r.Saturated)).ToList();
        return new SiteAllocation(at, inputs.Unit, connectors, constraints);
    }

    /// <summary>Spec "Allocation" step 6: floor to the charger's resolution, in A per phase.</summary>
    private static ConnectorAllocation Quantised(Candidate candidate, double quantum)
    {
        var state = candidate.Reason != ExclusionReason.None ? ConnectorState.NotEligible
            : candidate.Admitted ? ConnectorState.Admitted : ConnectorState.Queued;
        var current = candidate.Admitted ? Floor(candidate.Value / candidate.UnitFactor, quantum) : 0;
        var cap = candidate.Reason == ExclusionReason.None ? candidate.Cap : 0;
        return new ConnectorAllocation(
            candidate.Id, state, candidate.Reason, Math.Round(current * candidate.UnitFactor, 6), current,
            candidate.Input.Phases, cap, candidate.AtCap, candidate.Binding?.Id);
    }

    // The tiny epsilon keeps 6.6 from becoming 6.5 when the division lands at 65.99999999; rounding to 9 decimals
    // returns the nearest double to the decimal step.
    private static double Floor(double value, double quantum) =>
        Math.Round(Math.Floor((value / quantum) + 1e-9) * quantum, 9);
}
