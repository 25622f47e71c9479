namespace CsmsCluster.SmartCharging;

/// <summary>One linear capacity constraint: sum over members of coefficient * value &lt;= effective limit.</summary>
internal sealed class ConstraintRow(string id, ConstraintKind kind, string? ownerId, SitePhase? phase, double limit)
{
    public string Id { get; } = id;

    public ConstraintKind Kind { get; } = kind;

    public string? OwnerId { get; } = ownerId;

    public SitePhase? Phase { get; } = phase;

    public double Limit { get; } = limit;

    public double BaseLoad { get; init; }

    public double FixedLoad { get; set; }

    public double Reserve { get; set; }

    public double EffectiveLimit => Limit - BaseLoad - FixedLoad - Reserve;

    /// <summary>Admitted connectors on this constraint with their coefficients.</summary>
    public List<(Candidate Candidate, double Coefficient)> Members { get; } = [];

    public double Load { get; set; }

    public bool Saturated { get; set; }

    /// <summary>Absolute tolerance for "saturated": floating-point noise only, far below the quantum.</summary>
    public double Tolerance => 1e-9 * Math.Max(1, Math.Abs(Limit));

    public double Slack => EffectiveLimit - Load;
}
