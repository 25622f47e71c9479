namespace CsmsCluster.SmartCharging.Loop;

/// <summary>Turns the loop's persisted view of a site into the allocator's <see cref="SiteInputs"/>.</summary>
public static class SiteInputsBuilder
{
    /// <summary>Builds the inputs at <paramref name="now"/> (activation groups are evaluated in the site's time zone).</summary>
    /// <param name="state">The site.</param>
    /// <param name="now">The instant.</param>
    /// <param name="options">Loop options (rotation period, quantum).</param>
    /// <returns>The inputs.</returns>
    public static SiteInputs Build(SiteLoopState state, DateTimeOffset now, LoopOptions options)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(options);
        var settings = state.Settings;
        var timeZone = TimeZones.Find(settings.TimeZone);
        var chargers = state.Chargers.Values.Select(c => new ChargerInput(c.Id, c.Cap)
        {
            FeederId = settings.ChargerFeeders.TryGetValue(c.Id, out var feeder) ? feeder : null,
            Online = c.Online,
        }).ToList();
        var connectors = new List<ConnectorInput>(state.Connectors.Count);
        // A charger cannot draw more than its cap (its ChargePointMaxProfile backstop), so its fixed load stops there.
        var fixedBudget = state.Chargers.Values.ToDictionary(c => c.Id, c => c.Cap, StringComparer.Ordinal);
        foreach (var c in state.Connectors.Values.Where(c => state.Chargers.ContainsKey(c.ChargerId)))
        {
            var charger = state.Chargers[c.ChargerId];
            var s = settings.Connectors.TryGetValue(c.Id, out var found) ? found : new ConnectorSettings();
            var groups = settings.ActivationGroups.Where(g => s.Groups.Contains(g.Id, StringComparer.Ordinal)).ToList();
            var max = Math.Min(s.MaxCurrent ?? charger.Cap, charger.Cap);
            // An uncontrollable connector counts at its maximum while it has a session; an offline one at what it may
            // be running.
            var installed = c.Controllable ? c.Effective : (c.TransactionId is null ? 0 : max);
            // A plug-in on an idle connector starts at its launch TxDefault, if one may be installed.
            var reserve = PreArmSelection.Reserve(c);
            installed = Math.Max(installed, c.TransactionId is null ? c.PreArm?.Effective ?? 0 : 0);
            if (!c.Controllable || !charger.Online)
            {
                installed = Math.Min(installed, fixedBudget[charger.Id]);
                fixedBudget[charger.Id] -= installed;
            }
            connectors.Add(new ConnectorInput(c.Id, c.ChargerId)
            {
                Session = c.TransactionId is null ? null : c.Session,
                AllowedByActivation = s.Groups.Count == 0 || ActivationSchedule.IsActive(now, groups, timeZone),
                ActivationEndsAt = s.Groups.Count == 0 ? null : ActivationSchedule.CurrentEnd(now, groups, timeZone, options.Horizon),
                Controllable = c.Controllable,
                Faulted = c.Status == "Faulted",
                InstalledLimit = installed,
                MaxCurrent = max,
                MinCurrent = s.MinCurrent ?? 6,
                Priority = s.Priority,
                Weight = s.Weight,
                // A launch TxDefault that may still be installed is a 3-phase plug-in's current once the session ends.
                Phases = c.LaunchDefault > 0 ? 3 : PhasesOf(c, s, charger),
                Phase = s.Phase,
                Demand = c.Donation?.Demand,
                LaunchCurrent = reserve ?? s.LaunchCurrent,
                PreArmed = reserve is not null,
            });
        }
        return new SiteInputs(settings.Unit, settings.Limit, chargers, connectors)
        {
            NominalVoltage = settings.Voltage,
            Margin = settings.Margin,
            BaseLoad = settings.BaseLoad,
            GridLimits = settings.GridLimits,
            Feeders = settings.Feeders,
            Options = options.Allocation,
        };
    }

    /// <summary>Phases in use: measured when known, else the connector's setting, else the charger's, else 3.</summary>
    /// <param name="connector">The connector.</param>
    /// <param name="settings">Its settings.</param>
    /// <param name="charger">Its charger.</param>
    /// <returns>1 or 3.</returns>
    public static int PhasesOf(LoopConnector connector, ConnectorSettings settings, LoopCharger charger)
    {
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(charger);
        var phases = connector.PhasesInUse ?? settings.Phases ?? charger.Phases ?? 3;
        // Two measured phases are treated as three: the allocator models 1- and 3-phase draws only.
        return phases == 1 ? 1 : 3;
    }
}
