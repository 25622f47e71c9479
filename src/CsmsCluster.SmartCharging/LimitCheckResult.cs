namespace CsmsCluster.SmartCharging;

/// <summary>The outcome of <see cref="LimitCheck.Check"/>.</summary>
/// <param name="Exceeded">Each exceeded constraint with by how much (in its unit).</param>
/// <param name="Connectors">The connectors with a non-zero current on an exceeded constraint.</param>
public sealed record LimitCheckResult(IReadOnlyList<(string Id, double Excess)> Exceeded, IReadOnlySet<string> Connectors)
{
    /// <summary>True when no constraint is exceeded.</summary>
    public bool WithinLimits => Exceeded.Count == 0;
}
