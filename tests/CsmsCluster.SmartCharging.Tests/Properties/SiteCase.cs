namespace CsmsCluster.SmartCharging.Tests.Properties;

/// <summary>A random site, its allocation at <see cref="RandomSite.Now"/>, and the oracle's view of it.</summary>
internal sealed class SiteCase
{
    private const double Epsilon = 1e-6;

    private readonly Dictionary<string, ConnectorAllocation> _byId;
    private readonly Dictionary<OracleRow, double> _loads;
    private readonly HashSet<OracleRow> _saturated;
    private readonly Dictionary<string, List<OracleRow>> _paths;

    private SiteCase(int seed, SiteInputs site, SiteAllocation allocation, Oracle oracle)
    {
        (Seed, Site, Allocation, Oracle) = (seed, site, allocation, oracle);
        _byId = allocation.Connectors.ToDictionary(a => a.ConnectorId);
        _loads = oracle.Rows.ToDictionary(r => r, r => r.Coefficients.Sum(c => c.Value * _byId[c.Key].Allocation));
        // Saturated within quantisation: each allocation on the row may have been floored by up to one quantum.
        _saturated = [.. oracle.Rows.Where(r =>
            r.EffectiveLimit - _loads[r] <= r.Coefficients.Sum(c => c.Value * oracle.Connectors[c.Key].Quantum) + Tolerance(r))];
        _paths = site.Connectors.ToDictionary(c => c.Id, c => oracle.Rows.Where(r => r.Coefficients.ContainsKey(c.Id)).ToList());
        Admitted = [.. allocation.Connectors.Where(a => a.State == ConnectorState.Admitted).Select(a => (a, oracle.Connectors[a.ConnectorId]))];
    }

    public int Seed { get; }

    public SiteInputs Site { get; }

    public SiteAllocation Allocation { get; }

    public Oracle Oracle { get; }

    public IReadOnlyList<(ConnectorAllocation Allocation, OracleConnector Connector)> Admitted { get; }

    public static SiteCase Create(int seed)
    {
        var site = RandomSite.Create(seed);
        return new SiteCase(seed, site, SiteAllocator.Allocate(RandomSite.Now, site), new Oracle(site, RandomSite.Now));
    }

    public ConnectorAllocation For(string connectorId) => _byId[connectorId];

    public double Load(OracleRow row) => _loads[row];

    public bool Saturated(OracleRow row) => _saturated.Contains(row);

    public static double Tolerance(OracleRow row) => Epsilon * Math.Max(1, Math.Abs(row.EffectiveLimit));

    public IReadOnlyList<OracleRow> Path(string connectorId) => _paths[connectorId];

    public static bool BelowCap(ConnectorAllocation a, OracleConnector c) => a.Allocation < c.Cap - c.Quantum - Epsilon;

    public static bool AboveMin(ConnectorAllocation a, OracleConnector c) => a.Allocation > c.Min + c.Quantum + Epsilon;

    public override string ToString() => $"site seed {Seed}";
}
