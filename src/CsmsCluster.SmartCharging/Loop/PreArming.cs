namespace CsmsCluster.SmartCharging.Loop;

/// <summary>
/// Sends and settles the launch TxDefaultProfiles of pre-armed connectors (spec "Launch energy"; the choice is
/// <see cref="PreArmSelection"/>). A chosen connector gets a TxDefaultProfile at its launch limit (deterministic id,
/// fixed stack level of its own) once the reserve fits the limits the chargers may be running (pending sends counted
/// at max(old, new)) and the settle time after the last Accepted decrease has passed; a connector no longer chosen gets
/// the same profile at 0 A at once, so it is back to running 0 A before its transaction's first TxProfile. A connector
/// with a car at it is left alone either way, and its TxDefault stays counted as reserve until it is idle again.
/// </summary>
public static class PreArming
{
    /// <summary>The purpose of the profiles this class sends.</summary>
    public const string Purpose = "TxDefaultProfile";

    /// <summary>The TxDefaultProfiles to send now.</summary>
    /// <param name="state">The site; sent limits become pending.</param>
    /// <param name="inputs">This run's inputs (with the chosen reserve).</param>
    /// <param name="now">The instant.</param>
    /// <param name="options">Loop options.</param>
    /// <returns>The commands.</returns>
    public static IReadOnlyList<ProfileCommand> Commands(SiteLoopState state, SiteInputs inputs, DateTimeOffset now, LoopOptions options)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(options);
        List<ProfileCommand>? commands = null;
        bool? room = null;
        foreach (var c in state.Connectors.Values)
        {
            // A car at the connector is left alone, until its session's TxProfile is Accepted: that overrides the
            // TxDefault, so clearing it then changes nothing the car draws, and the connector is idle at 0 A afterwards.
            var overridden = c.TransactionId is not null && c.LastAcceptedAt is not null;
            if (c.PreArm is not { PendingSequence: null, Refused: null } p || (PreArmSelection.IsOccupied(c) && !overridden)
                || !state.Chargers.TryGetValue(c.ChargerId, out var charger) || !charger.Online)
            {
                continue;
            }
            var target = p.Chosen && !overridden ? p.Limit : 0;
            if (!p.ResendRequired && Math.Abs(p.Installed - target) < 1e-9)
            {
                continue;
            }
            if (target > p.Installed + 1e-9)
            {
                // Raising what a plug-in may start at is an increase: Available only, at most one per MinInterval.
                if (c.Status != "Available" || (p.LastSentAt is { } sent && now - sent < options.Commit.MinInterval))
                {
                    continue;
                }
                room ??= HasRoom(state, inputs, now, options);
                if (room != true)
                {
                    continue;
                }
            }
            (commands ??= []).Add(Send(state, c, charger, target, now, options));
        }
        return commands ?? (IReadOnlyList<ProfileCommand>)[];
    }

    /// <summary>Applies the charger's answer to a TxDefaultProfile.</summary>
    /// <param name="state">The site.</param>
    /// <param name="connectorId">The command's connector id.</param>
    /// <param name="sequence">The command's sequence.</param>
    /// <param name="outcome">The answer.</param>
    /// <param name="detail">The charger's status (Rejected, NotSupported) or error, if known.</param>
    /// <param name="now">The instant.</param>
    /// <param name="options">Loop options.</param>
    /// <returns>Null when the answer is not for a TxDefault; else true when the loop should run again.</returns>
    public static bool? Complete(SiteLoopState state, string connectorId, long sequence, ProfileOutcome outcome, string? detail, DateTimeOffset now, LoopOptions options)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(options);
        if (!state.Connectors.TryGetValue(connectorId, out var c) || c.PreArm is not { } p || p.PendingSequence != sequence || p.Pending is not { } sent)
        {
            return null;
        }
        p.Pending = null;
        p.PendingSequence = null;
        switch (outcome)
        {
            case ProfileOutcome.Accepted:
                p.Installed = sent;
                p.Failures = 0;
                return true;
            case ProfileOutcome.NotDelivered:
                // Not the charger's fault: it may hold either limit, so the higher stays counted and it is sent again.
                p.Installed = Math.Max(p.Installed, sent);
                p.ResendRequired = true;
                return false;
            case ProfileOutcome.Failed:
                p.Installed = Math.Max(p.Installed, sent);
                p.ResendRequired = true;
                if (++p.Failures < 2)
                {
                    return true;
                }
                break;
        }
        // The TxDefault is an extra, not control: a refusal stops pre-arming this connector but leaves its sessions
        // under TxProfile control (never uncontrollable for this). What may still be installed stays counted.
        p.Refused = detail ?? outcome.ToString();
        p.Chosen = false;
        var what = sent > 0 ? "the connector is no longer pre-armed" : "its launch TxDefault may stay installed and counted as reserve";
        SiteObservations.Raise(state, new SiteAlarm(now, c.Id, "PreArmRefused",
            $"TxDefaultProfile at {sent:0.0} A: {p.Refused}; {what}. Sessions on it are still controlled by TxProfile."), options);
        return true;
    }

    /// <summary>After a restart: sends that were pending may never be answered; count them and send again.</summary>
    /// <param name="state">The site.</param>
    public static void ResetPending(SiteLoopState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        foreach (var p in state.Connectors.Values.Select(c => c.PreArm).OfType<PreArmState>().Where(p => p.PendingSequence is not null))
        {
            p.Installed = p.Effective;
            p.Pending = null;
            p.PendingSequence = null;
            p.ResendRequired = true;
        }
    }

    /// <summary>What a new session on the connector runs before its first TxProfile: its TxDefault, else 0 A.</summary>
    /// <param name="connector">The connector.</param>
    /// <returns>A per phase.</returns>
    public static double SessionStartLimit(LoopConnector connector)
    {
        ArgumentNullException.ThrowIfNull(connector);
        return connector.PreArm?.Effective ?? 0;
    }

    /// <summary>
    /// The pre-arm state for operators: <c>armed</c> (TxDefault Accepted at the launch limit), <c>arming</c> (chosen,
    /// not yet Accepted), <c>noRoom</c> (the reserve did not fit), <c>clearing</c> (idle, not chosen, a TxDefault may
    /// still be installed), <c>busy</c> (a car is at it; its TxDefault is left alone), <c>refused</c>; null otherwise.
    /// </summary>
    /// <param name="connector">The connector.</param>
    /// <returns>The state, or null.</returns>
    public static string? StateOf(LoopConnector connector)
    {
        ArgumentNullException.ThrowIfNull(connector);
        return connector.PreArm switch
        {
            null => null,
            { Refused: not null } => "refused",
            { Chosen: true } p when p.Pending is null && !p.ResendRequired && Math.Abs(p.Installed - p.Limit) < 1e-9 => "armed",
            { Chosen: true } => "arming",
            { } p when p.Effective > 0 && PreArmSelection.IsOccupied(connector) => "busy",
            { NoRoom: true } => "noRoom",
            { } p when p.Effective > 0 || p.ResendRequired => "clearing",
            _ => null,
        };
    }

    private static bool HasRoom(SiteLoopState state, SiteInputs inputs, DateTimeOffset now, LoopOptions options)
    {
        if (state.LastDecreaseAcceptedAt is { } decreased && now - decreased < options.Commit.Settle)
        {
            return false;
        }
        // Sessions count at what they may be running (this run's sends included); the reserve is in the inputs.
        var currents = state.Connectors.Values.Where(c => c.TransactionId is not null)
            .ToDictionary(c => c.Id, c => c.MayRunAt(now), StringComparer.Ordinal);
        return LimitCheck.Check(now, inputs, currents).WithinLimits;
    }

    private static ProfileCommand Send(SiteLoopState state, LoopConnector c, LoopCharger charger, double target, DateTimeOffset now, LoopOptions options)
    {
        var p = c.PreArm!;
        var settings = state.Settings.Connectors.TryGetValue(c.Id, out var s) ? s : new ConnectorSettings();
        var command = new ProfileCommand(
            ++state.Sequence, c.Id, c.ChargerId, c.Number, null, Purpose, options.PreArmProfileIdBase + c.Number,
            options.PreArmStackLevel, now - ChargingScheduleBuilder.ClockSkew, "A", SiteInputsBuilder.PhasesOf(c, settings, charger),
            [new SchedulePeriod(0, target)], target, IsDecrease: target < p.Installed);
        p.Pending = target;
        p.PendingSequence = command.Sequence;
        p.LastSentAt = now;
        p.ResendRequired = false;
        return command;
    }
}
