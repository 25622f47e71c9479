namespace CsmsCluster.SmartCharging.Loop;

/// <summary>
/// Chooses which idle connectors a site keeps pre-armed (spec "Launch energy"; site option
/// <see cref="SiteSettings.PreArmedConnectors"/> = K). A candidate is on an online charger, controllable, Available
/// with no transaction (a car still plugged in after its session, Finishing or SuspendedEV, is not idle), allowed by its
/// activation groups now, not refused by its charger, and has a valid launch limit. Candidates are taken in a stable
/// order (those chosen in the last run, then those whose TxDefault is still installed, then by connector id) while
/// fewer than K are chosen and the reserve fits: the minimums of the sessions admitted <i>without</i> any reserve, plus
/// the launch reserve of every connector already counted and of the candidate, must fit every constraint. So pre-arming
/// never queues a session; it only takes capacity above the sessions' minimums, and arms fewer than K when that runs out.
/// </summary>
public static class PreArmSelection
{
    private static readonly HashSet<string> Occupied = new(StringComparer.Ordinal)
    {
        "Preparing", "Charging", "SuspendedEV", "SuspendedEVSE", "Finishing",
    };

    /// <summary>Sets <see cref="PreArmState.Chosen"/> and <see cref="PreArmState.NoRoom"/> on the site's connectors.</summary>
    /// <param name="state">The site.</param>
    /// <param name="now">The instant.</param>
    /// <param name="options">Loop options (quantum).</param>
    public static void Select(SiteLoopState state, DateTimeOffset now, LoopOptions options)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(options);
        var k = state.Settings.PreArmedConnectors;
        if (k <= 0 && state.Connectors.Values.All(c => c.PreArm is null))
        {
            return;
        }
        var previously = state.Connectors.Values.Where(c => c.PreArm?.Chosen == true).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var p in state.Connectors.Values.Select(c => c.PreArm).OfType<PreArmState>())
        {
            p.Chosen = false;
            p.NoRoom = false;
        }
        if (k <= 0)
        {
            return;
        }
        // Built with nothing chosen: only TxDefaults that may still be installed count as reserve.
        var inputs = SiteInputsBuilder.Build(state, now, options);
        var byId = inputs.Connectors.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var candidates = state.Connectors.Values
            .Where(c => IsCandidate(state, c, byId, now))
            .Select(c => (Connector: c, Limit: LaunchLimit(state, c, options)))
            .Where(x => x.Limit is not null)
            .OrderBy(x => previously.Contains(x.Connector.Id) ? 0 : x.Connector.PreArm?.Effective > 0 ? 1 : 2)
            .ThenBy(x => x.Connector.Id, StringComparer.Ordinal)
            .ToList();
        if (candidates.Count == 0)
        {
            return;
        }
        var quantum = options.Allocation.Quantum;
        var bare = WithReserve(inputs, new Dictionary<string, double>(StringComparer.Ordinal));
        var minimums = SiteAllocator.Allocate(now, bare).Connectors
            .Where(a => a.State == ConnectorState.Admitted)
            .ToDictionary(a => a.ConnectorId, a => Math.Ceiling((byId[a.ConnectorId].MinCurrent / quantum) - 1e-9) * quantum, StringComparer.Ordinal);
        var reserved = inputs.Connectors.Where(i => i.PreArmed)
            .ToDictionary(i => i.Id, i => i.LaunchCurrent ?? i.MinCurrent, StringComparer.Ordinal);
        var chosen = 0;
        foreach (var (c, limit) in candidates)
        {
            if (chosen == k)
            {
                break;
            }
            var p = c.PreArm ??= new PreArmState();
            var trial = new Dictionary<string, double>(reserved, StringComparer.Ordinal) { [c.Id] = Math.Max(limit!.Value, reserved.GetValueOrDefault(c.Id)) };
            if (!LimitCheck.Check(now, WithReserve(inputs, trial), minimums).WithinLimits)
            {
                p.NoRoom = true;
                continue;
            }
            reserved = trial;
            p.Chosen = true;
            p.Limit = limit.Value;
            chosen++;
        }
    }

    /// <summary>
    /// The limit a launch TxDefault carries: A_launch (min_k when unset) within [min_k, max_k], floored to the quantum;
    /// null when the connector has no valid non-zero limit (max_k below min_k) or no known charger.
    /// </summary>
    /// <param name="state">The site.</param>
    /// <param name="connector">The connector.</param>
    /// <param name="options">Loop options (quantum).</param>
    /// <returns>A per phase, or null.</returns>
    public static double? LaunchLimit(SiteLoopState state, LoopConnector connector, LoopOptions options)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(options);
        if (!state.Chargers.TryGetValue(connector.ChargerId, out var charger))
        {
            return null;
        }
        var s = state.Settings.Connectors.TryGetValue(connector.Id, out var found) ? found : new ConnectorSettings();
        var quantum = options.Allocation.Quantum;
        var max = Math.Min(s.MaxCurrent ?? charger.Cap, charger.Cap);
        var rawMin = s.MinCurrent ?? 6;
        if (max < rawMin)
        {
            return null;
        }
        var min = Math.Ceiling((rawMin / quantum) - 1e-9) * quantum;
        var launch = Math.Max(min, Math.Min(max, s.LaunchCurrent ?? min));
        return Math.Round(Math.Floor((launch / quantum) + 1e-9) * quantum, 9);
    }

    /// <summary>
    /// The launch reserve an idle connector counts (A per phase): the chosen limit, or what its TxDefault may still
    /// be running (a plug-in starts at it until the clear is Accepted); null when it counts none.
    /// </summary>
    /// <param name="connector">The connector.</param>
    /// <returns>The reserve, or null.</returns>
    public static double? Reserve(LoopConnector connector)
    {
        ArgumentNullException.ThrowIfNull(connector);
        return connector.TransactionId is null && connector.PreArm is { } p && (p.Chosen || p.Effective > 0)
            ? Math.Max(p.Chosen ? p.Limit : 0, p.Effective)
            : null;
    }

    /// <summary>True while a car is (or may be) at the connector: its TxDefault is left alone then.</summary>
    /// <param name="connector">The connector.</param>
    /// <returns>True when occupied.</returns>
    public static bool IsOccupied(LoopConnector connector)
    {
        ArgumentNullException.ThrowIfNull(connector);
        return connector.TransactionId is not null || Occupied.Contains(connector.Status);
    }

    private static bool IsCandidate(SiteLoopState state, LoopConnector c, Dictionary<string, ConnectorInput> inputs, DateTimeOffset now) =>
        state.Chargers.TryGetValue(c.ChargerId, out var charger) && charger.Online
        && c.Controllable && c.TransactionId is null && c.Status == "Available" && c.PreArm?.Refused is null
        && inputs.TryGetValue(c.Id, out var input) && input.AllowedByActivation
        && (input.ActivationEndsAt is null || now < input.ActivationEndsAt);

    private static SiteInputs WithReserve(SiteInputs inputs, Dictionary<string, double> reserve) => inputs with
    {
        Connectors = [.. inputs.Connectors.Select(i => reserve.TryGetValue(i.Id, out var r)
            ? i with { PreArmed = true, LaunchCurrent = r }
            : i with { PreArmed = false })],
    };
}
