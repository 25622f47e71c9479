namespace CsmsCluster.SmartCharging;

/// <summary>
/// Spec "Allocation" step 5: progressive filling of one priority class while every other admitted connector holds
/// its value (higher classes their fill, lower classes their minimum). The level lambda rises; each unfrozen
/// connector sits at clamp(w * lambda, min, cap) and freezes at its cap or when a constraint on its path saturates.
/// The level jumps from event to event (a connector leaves its minimum, reaches its cap, or a row saturates), so
/// the result is exact up to floating-point noise.
/// </summary>
internal static class WaterFilling
{
    public static void Fill(IReadOnlyList<Candidate> @class, IReadOnlyList<ConstraintRow> rows)
    {
        var lambda = 0.0;
        var unfrozen = @class.ToList();
        // Each pass freezes a connector, starts one rising, or saturates a row, so this bound is never reached.
        for (var guard = 0; unfrozen.Count > 0 && guard <= (4 * unfrozen.Count) + rows.Count + 4; guard++)
        {
            FreezeAtCapsAndSaturatedRows(unfrozen, rows);
            unfrozen.RemoveAll(c => c.Frozen);
            if (unfrozen.Count == 0)
            {
                return;
            }
            var next = NextEvent(unfrozen, rows, lambda);
            foreach (var candidate in unfrozen)
            {
                var value = Math.Clamp(candidate.Weight * next, candidate.Min, candidate.Cap);
                foreach (var (row, coefficient) in candidate.Path)
                {
                    row.Load += coefficient * (value - candidate.Value);
                }
                candidate.Value = value;
            }
            lambda = next;
        }
    }

    private static double NextEvent(List<Candidate> unfrozen, IReadOnlyList<ConstraintRow> rows, double lambda)
    {
        var next = double.PositiveInfinity;
        var rising = new Dictionary<ConstraintRow, double>();
        foreach (var candidate in unfrozen)
        {
            if (candidate.Weight * lambda < candidate.Min - (1e-9 * Math.Max(1, candidate.Min)))
            {
                next = Math.Min(next, candidate.Min / candidate.Weight);
                continue;
            }
            next = Math.Min(next, candidate.Cap / candidate.Weight);
            foreach (var (row, coefficient) in candidate.Path)
            {
                rising[row] = rising.GetValueOrDefault(row) + (coefficient * candidate.Weight);
            }
        }
        foreach (var row in rows)
        {
            if (rising.TryGetValue(row, out var rate) && rate > 0)
            {
                next = Math.Min(next, lambda + (Math.Max(0, row.Slack) / rate));
            }
        }
        return next;
    }

    private static void FreezeAtCapsAndSaturatedRows(List<Candidate> unfrozen, IReadOnlyList<ConstraintRow> rows)
    {
        foreach (var candidate in unfrozen.Where(c => c.Value >= c.Cap - (1e-9 * Math.Max(1, c.Cap))))
        {
            candidate.Value = candidate.Cap;
            candidate.Frozen = candidate.AtCap = true;
        }
        foreach (var row in rows.Where(r => r.Slack <= r.Tolerance))
        {
            row.Saturated = true;
            foreach (var (candidate, _) in row.Members.Where(m => !m.Candidate.Frozen))
            {
                candidate.Frozen = true;
                candidate.Binding = row;
            }
        }
    }
}
