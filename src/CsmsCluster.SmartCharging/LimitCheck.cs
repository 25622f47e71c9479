namespace CsmsCluster.SmartCharging;

/// <summary>
/// Checks given per-connector currents against every constraint of a site (invariant I1): the commit logic uses it to
/// tell when keeping an installed limit would break a constraint, and the simulation uses it to count violations.
/// </summary>
public static class LimitCheck
{
    /// <summary>
    /// The constraints that <paramref name="currents"/> exceed at <paramref name="at"/>, and the connectors drawing on
    /// them. Connectors that count as fixed load (offline or uncontrollable) count at their installed limit as the
    /// allocator counts them; the others at the current given for them (0 when absent).
    /// </summary>
    /// <param name="at">The instant whose grid limit applies.</param>
    /// <param name="inputs">The site.</param>
    /// <param name="currents">A per phase per connector id.</param>
    /// <returns>The exceeded constraint ids (with the excess) and the connectors on them with a non-zero current.</returns>
    public static LimitCheckResult Check(DateTimeOffset at, SiteInputs inputs, IReadOnlyDictionary<string, double> currents)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(currents);
        var model = SiteModel.Build(inputs, at);
        var chargers = inputs.Chargers.ToDictionary(c => c.Id, StringComparer.Ordinal);
        foreach (var candidate in model.Candidates)
        {
            var charger = chargers[candidate.Input.ChargerId];
            if (Eligibility.IsFixedLoad(candidate.Input, charger))
            {
                continue;
            }
            var value = currents.GetValueOrDefault(candidate.Id) * candidate.UnitFactor;
            foreach (var (row, coefficient) in candidate.Path)
            {
                row.Load += coefficient * value;
            }
        }
        var exceeded = new List<(string Id, double Excess)>();
        var connectors = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in model.Rows.Where(r => r.Load > r.EffectiveLimit + Math.Max(r.Tolerance, 1e-6)))
        {
            exceeded.Add((row.Id, row.Load - row.EffectiveLimit));
            foreach (var candidate in model.Candidates.Where(c => c.Path.Any(p => p.Row == row) && currents.GetValueOrDefault(c.Id) > 0))
            {
                connectors.Add(candidate.Id);
            }
        }
        return new LimitCheckResult(exceeded, connectors);
    }
}
