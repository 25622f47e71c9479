namespace CsmsCluster.SmartCharging;

/// <summary>
/// The site as linear constraints (spec "Model"): per-phase rows on an A site (a 1-phase EV loads only its known
/// phase, otherwise all three), one total row per site or feeder on a W site, and per-phase charger-cap rows.
/// </summary>
internal sealed class SiteModel
{
    private static readonly SitePhase[] AllPhases = [SitePhase.L1, SitePhase.L2, SitePhase.L3];

    private readonly SiteInputs _inputs;
    private readonly Dictionary<string, ConstraintRow[]> _feederRows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ConstraintRow[]> _chargerRows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FeederInput> _feeders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ChargerInput> _chargers = new(StringComparer.Ordinal);
    private readonly ConstraintRow[] _siteRows;

    private SiteModel(SiteInputs inputs, DateTimeOffset limitAt)
    {
        _inputs = inputs;
        var perPhase = inputs.Unit == SiteUnit.AmperesPerPhase;
        var siteLimit = (1 - inputs.Margin) * Math.Min(inputs.StaticLimit, inputs.GridLimitAt(limitAt));
        _siteRows = MakeRows("site", ConstraintKind.Site, null, siteLimit, perPhase, inputs.BaseLoad);
        foreach (var feeder in inputs.Feeders.OrderBy(f => f.Id, StringComparer.Ordinal))
        {
            _feeders.Add(feeder.Id, feeder);
            _feederRows.Add(feeder.Id, MakeRows($"feeder:{feeder.Id}", ConstraintKind.Feeder, feeder.Id, feeder.Limit, perPhase, 0));
        }
        foreach (var charger in inputs.Chargers.OrderBy(c => c.Id, StringComparer.Ordinal))
        {
            _chargers.Add(charger.Id, charger);
            _chargerRows.Add(charger.Id, MakeRows($"charger:{charger.Id}", ConstraintKind.Charger, charger.Id, charger.Cap, true, 0));
        }
        Rows = [.. _siteRows, .. _feederRows.Values.SelectMany(r => r), .. _chargerRows.Values.SelectMany(r => r)];
    }

    /// <summary>Site rows, then feeders and chargers by id.</summary>
    public IReadOnlyList<ConstraintRow> Rows { get; }

    /// <summary>Every connector, ordered by id.</summary>
    public List<Candidate> Candidates { get; } = [];

    public static SiteModel Build(SiteInputs inputs, DateTimeOffset limitAt)
    {
        var model = new SiteModel(inputs, limitAt);
        foreach (var connector in inputs.Connectors.OrderBy(c => c.Id, StringComparer.Ordinal))
        {
            model.Candidates.Add(model.MakeCandidate(connector, limitAt));
        }
        return model;
    }

    private static ConstraintRow[] MakeRows(string id, ConstraintKind kind, string? owner, double limit, bool perPhase, double baseLoad) =>
        perPhase
            ? [.. AllPhases.Select(p => new ConstraintRow($"{id}/{p}", kind, owner, p, limit) { BaseLoad = baseLoad })]
            : [new ConstraintRow(id, kind, owner, null, limit) { BaseLoad = baseLoad }];

    private Candidate MakeCandidate(ConnectorInput connector, DateTimeOffset limitAt)
    {
        if (!_chargers.TryGetValue(connector.ChargerId, out var charger))
        {
            throw new ArgumentException($"Connector '{connector.Id}' names unknown charger '{connector.ChargerId}'.", nameof(connector));
        }
        if (connector.Phases is not (1 or 3) || connector.Weight <= 0)
        {
            throw new ArgumentException($"Connector '{connector.Id}' needs 1 or 3 phases and a positive weight.", nameof(connector));
        }
        var watts = _inputs.Unit == SiteUnit.Watts;
        var factor = watts ? _inputs.NominalVoltage * connector.Phases : 1;
        var candidate = new Candidate(connector, factor);
        AddPath(candidate, charger);

        var allowed = connector.AllowedByActivation && (connector.ActivationEndsAt is null || limitAt < connector.ActivationEndsAt);
        candidate.Reason = Eligibility.Reason(connector, charger, allowed);
        var installed = Math.Max(0, connector.InstalledLimit) * factor;
        if (Eligibility.IsFixedLoad(connector, charger))
        {
            candidate.Path.ForEach(p => p.Row.FixedLoad += p.Coefficient * installed);
        }
        else if (Eligibility.IsReserve(connector, charger))
        {
            var launch = (connector.LaunchCurrent ?? connector.MinCurrent) * factor;
            candidate.Path.ForEach(p => p.Row.Reserve += p.Coefficient * launch);
        }
        SetBounds(candidate);
        return candidate;
    }

    /// <summary>Spec "Allocation" step 2: cap_k = max(min_k, min(max_k, demand_k, launch cap if in launch)).</summary>
    private void SetBounds(Candidate candidate)
    {
        var connector = candidate.Input;
        var quantum = _inputs.Options.Quantum;
        // The minimum is raised to the quantum grid so that flooring (step 6) never lands between 0 and min (I3).
        var min = Math.Ceiling((connector.MinCurrent / quantum) - 1e-9) * quantum;
        var cap = Math.Min(connector.MaxCurrent, connector.Demand ?? connector.MaxCurrent);
        if (connector.Session?.InLaunch == true)
        {
            cap = Math.Min(cap, connector.LaunchCurrent ?? connector.MinCurrent);
        }
        candidate.Min = min * candidate.UnitFactor;
        candidate.Cap = Math.Max(min, cap) * candidate.UnitFactor;
    }

    private void AddPath(Candidate candidate, ChargerInput charger)
    {
        var connector = candidate.Input;
        var loaded = connector.Phases == 1 && connector.Phase is { } known ? [known] : AllPhases;
        foreach (var row in _siteRows.Concat(FeederChain(charger).SelectMany(f => _feederRows[f.Id])))
        {
            if (row.Phase is null || loaded.Contains(row.Phase.Value))
            {
                candidate.Path.Add((row, 1));
            }
        }
        // Charger caps are A per phase; on a W site the value is power, so current per phase = P / (V * n).
        var perPhase = 1 / candidate.UnitFactor;
        foreach (var row in _chargerRows[charger.Id].Where(r => loaded.Contains(r.Phase!.Value)))
        {
            candidate.Path.Add((row, perPhase));
        }
    }

    private List<FeederInput> FeederChain(ChargerInput charger)
    {
        var chain = new List<FeederInput>();
        for (var id = charger.FeederId; id is not null; id = _feeders[id].ParentId)
        {
            if (!_feeders.ContainsKey(id) || chain.Count > _feeders.Count)
            {
                throw new ArgumentException($"Charger '{charger.Id}' has an unknown or cyclic feeder path at '{id}'.", nameof(charger));
            }
            chain.Add(_feeders[id]);
        }
        return chain;
    }
}
