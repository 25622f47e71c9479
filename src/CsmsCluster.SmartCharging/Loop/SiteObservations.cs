namespace CsmsCluster.SmartCharging.Loop;

/// <summary>
/// Folds what chargers report (connection, status, transactions, meter values) into a site's loop state. Each method
/// returns true when the change is an allocation trigger (spec "Allocation": tx start/stop, status, meter values that
/// change demand, charger connect/disconnect).
/// </summary>
public static class SiteObservations
{
    /// <summary>Applies a charger's report.</summary>
    /// <param name="state">The site.</param>
    /// <param name="observation">The report.</param>
    /// <param name="now">The instant.</param>
    /// <returns>True when the loop should run.</returns>
    public static bool ApplyCharger(SiteLoopState state, ChargerObservation observation, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(observation);
        var trigger = false;
        if (!state.Chargers.TryGetValue(observation.ChargerId, out var charger))
        {
            charger = new LoopCharger { Id = observation.ChargerId };
            state.Chargers.Add(charger.Id, charger);
            trigger = true;
        }
        if (observation.Online != charger.Online)
        {
            charger.Online = observation.Online;
            trigger = true;
            // Offline chargers keep their last limits counted; on reconnect they are sent again (spec "When to send").
            charger.BackstopRequired |= observation.Online;
            foreach (var c in ConnectorsOf(state, charger.Id))
            {
                c.ResendRequired |= observation.Online && c.TransactionId is not null;
            }
        }
        if (observation.MaxCurrent is { } max && max > 0 && max != charger.Cap)
        {
            charger.Cap = max;
            charger.BackstopRequired = true;
            trigger = true;
        }
        if (observation.Phases != charger.Phases)
        {
            charger.Phases = observation.Phases;
            trigger = true;
        }
        foreach (var reported in observation.Connectors.Where(c => c.ConnectorNumber > 0))
        {
            trigger |= ApplyConnector(state, charger, reported, now);
        }
        return trigger;
    }

    /// <summary>Forgets a charger that left the site.</summary>
    /// <param name="state">The site.</param>
    /// <param name="chargerId">The charger.</param>
    /// <returns>True when it was a member.</returns>
    public static bool RemoveCharger(SiteLoopState state, string chargerId)
    {
        ArgumentNullException.ThrowIfNull(state);
        foreach (var c in ConnectorsOf(state, chargerId).ToList())
        {
            state.Connectors.Remove(c.Id);
        }
        return state.Chargers.Remove(chargerId);
    }

    /// <summary>Applies a meter sample: launch end, phases in use, donations and reclaims, overdraw.</summary>
    /// <param name="state">The site.</param>
    /// <param name="sample">The sample.</param>
    /// <param name="now">The instant.</param>
    /// <param name="options">Thresholds.</param>
    /// <returns>True when the loop should run.</returns>
    public static bool ApplyMeter(SiteLoopState state, MeterObservation sample, DateTimeOffset now, LoopOptions options)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(options);
        if (!state.Connectors.TryGetValue(ConnectorId(sample.ChargerId, sample.ConnectorNumber), out var c)
            || c.Session is null || !state.Chargers.TryGetValue(c.ChargerId, out var charger))
        {
            return false;
        }
        var settings = state.Settings.Connectors.TryGetValue(c.Id, out var s) ? s : new ConnectorSettings();
        var trigger = false;
        var phases = sample.PhaseCurrents?.Where(p => p is not null).Select(p => p!.Value).ToList();
        double measured;
        if (phases is { Count: > 0 })
        {
            measured = phases.Max();
            var inUse = phases.Count(p => p > 1);
            if (inUse > 0 && inUse != c.PhasesInUse)
            {
                c.PhasesInUse = inUse;
                trigger = true;
            }
        }
        else if (sample.Current is { } current)
        {
            measured = current;
        }
        else if (sample.PowerW is { } power)
        {
            measured = power / (state.Settings.Voltage * SiteInputsBuilder.PhasesOf(c, settings, charger));
        }
        else
        {
            return false;
        }
        c.Measured = Math.Round(measured, 3);
        if (c.Session.InLaunch && measured > 0)
        {
            c.Session = c.Session with { InLaunch = false };
            trigger = true;
        }
        // Only a settled limit says something about the EV: while a send is pending or the session is in launch the
        // draw follows the old limit.
        if (c.Installed <= 0 || c.Pending is not null || c.Session.InLaunch || !c.Controllable)
        {
            return trigger;
        }
        trigger |= ObserveDonation(state, c, settings, charger, measured, now, options);
        trigger |= ObserveOverdraw(state, c, charger, measured, now, options);
        return trigger;
    }

    /// <summary>The loop's id for a connector.</summary>
    /// <param name="chargerId">The charge point id.</param>
    /// <param name="number">The OCPP connector id.</param>
    /// <returns><c>chargerId/number</c>.</returns>
    public static string ConnectorId(string chargerId, int number) => $"{chargerId}/{number}";

    private static bool ApplyConnector(SiteLoopState state, LoopCharger charger, ConnectorObservation reported, DateTimeOffset now)
    {
        var id = ConnectorId(charger.Id, reported.ConnectorNumber);
        var trigger = false;
        if (!state.Connectors.TryGetValue(id, out var c))
        {
            c = new LoopConnector { Id = id, ChargerId = charger.Id, Number = reported.ConnectorNumber };
            state.Connectors.Add(id, c);
            trigger = true;
        }
        if (c.Status != reported.Status)
        {
            c.Status = reported.Status;
            trigger = true;
        }
        if (c.TransactionId == reported.TransactionId)
        {
            return trigger;
        }
        // The charger deletes a TxProfile when its transaction ends, so a new session starts with nothing installed.
        c.TransactionId = reported.TransactionId;
        state.LastSessionEventAt = now;
        c.Session = reported.TransactionId is null ? null : new ActiveSession(reported.TransactionStart ?? now) { InLaunch = true };
        // A pre-armed connector's new session runs its launch TxDefault until its first TxProfile.
        c.Installed = reported.TransactionId is null ? 0 : PreArming.SessionStartLimit(c);
        c.InstalledSchedule = null;
        c.Pending = null;
        c.PendingSchedule = null;
        c.PendingSequence = null;
        c.LastSentAt = null;
        c.LastAcceptedAt = null;
        c.ResendRequired = false;
        c.Donation = null;
        c.Measured = null;
        c.PhasesInUse = null;
        c.OverdrawSamples = 0;
        return true;
    }

    private static bool ObserveDonation(
        SiteLoopState state, LoopConnector c, ConnectorSettings settings, LoopCharger charger, double measured, DateTimeOffset now, LoopOptions options)
    {
        var max = Math.Min(settings.MaxCurrent ?? charger.Cap, charger.Cap);
        var before = c.Donation ?? DonationState.Initial(max);
        var after = DonationTracker.Observe(before, c.Installed, measured, settings.MinCurrent ?? 6, max, options.Donation);
        c.Donation = after;
        if (after.Demand < before.Demand - 1e-9)
        {
            state.LastDonationAt = now;
            return true;
        }
        return after.Demand > before.Demand + 1e-9;
    }

    private static bool ObserveOverdraw(SiteLoopState state, LoopConnector c, LoopCharger charger, double measured, DateTimeOffset now, LoopOptions options)
    {
        var tolerance = Math.Max(1, 0.1 * c.Installed);
        if (measured <= c.Installed + tolerance
            || (c.LastAcceptedAt is { } accepted && now - accepted < options.Commit.Settle))
        {
            c.OverdrawSamples = 0;
            return false;
        }
        if (++c.OverdrawSamples < options.OverdrawSamples)
        {
            return false;
        }
        c.Controllable = false;
        Raise(state, new SiteAlarm(now, c.Id, "Overdraw",
            $"Measured {measured:0.0} A above the installed {c.Installed:0.0} A for {c.OverdrawSamples} samples; counted at its maximum of {charger.Cap:0.0} A."), options);
        return true;
    }

    /// <summary>Appends an alarm, dropping the oldest beyond the bound.</summary>
    /// <param name="state">The site.</param>
    /// <param name="alarm">The alarm.</param>
    /// <param name="options">The bound.</param>
    public static void Raise(SiteLoopState state, SiteAlarm alarm, LoopOptions options)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(options);
        state.Alarms.Add(alarm);
        state.AlarmsRaised++;
        if (state.Alarms.Count > options.MaxAlarms)
        {
            state.Alarms.RemoveRange(0, state.Alarms.Count - options.MaxAlarms);
        }
    }

    private static IEnumerable<LoopConnector> ConnectorsOf(SiteLoopState state, string chargerId) =>
        state.Connectors.Values.Where(c => c.ChargerId == chargerId);
}
