namespace CsmsCluster.SmartCharging;

/// <summary>
/// Spec "Allocation" step 4: in rotation order, admit a connector if the minimums of all admitted plus its own fit
/// every constraint on its path; otherwise it is queued and the scan goes on (first-fit, I4).
/// </summary>
internal static class FirstFitAdmission
{
    public static void Admit(IEnumerable<Candidate> ordered)
    {
        foreach (var candidate in ordered)
        {
            if (candidate.Path.All(p => p.Row.Load + (p.Coefficient * candidate.Min) <= p.Row.EffectiveLimit + p.Row.Tolerance))
            {
                candidate.Admitted = true;
                candidate.Value = candidate.Min;
                foreach (var (row, coefficient) in candidate.Path)
                {
                    row.Load += coefficient * candidate.Min;
                    row.Members.Add((candidate, coefficient));
                }
            }
        }
    }
}
