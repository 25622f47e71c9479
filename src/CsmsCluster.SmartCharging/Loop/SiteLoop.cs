namespace CsmsCluster.SmartCharging.Loop;

/// <summary>
/// One allocation round of a site (spec "Allocation" and "When to send"): allocate, decide with the commit rules
/// which limits go out now, and account sent limits as pending (max(old, new) counts until answered). Pure: the Site
/// grain and the simulation benchmark drive it with their own clocks and carry the commands out.
/// </summary>
public static class SiteLoop
{
    /// <summary>Runs the allocator and the commit rules at <paramref name="now"/>.</summary>
    /// <param name="state">The site; sessions, targets and pending sends are updated.</param>
    /// <param name="now">The instant.</param>
    /// <param name="options">Loop options.</param>
    /// <returns>The allocation, the decisions and the commands to send.</returns>
    public static LoopRun Run(SiteLoopState state, DateTimeOffset now, LoopOptions options)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(options);
        foreach (var c in state.Connectors.Values.Where(c => c.Session is { InLaunch: true } s && now - s.Start >= options.LaunchTimeout))
        {
            c.Session = c.Session! with { InLaunch = false };
        }
        foreach (var c in state.Connectors.Values)
        {
            // Chargers move on to the later (never higher) periods of their profiles by themselves.
            c.Installed = c.InstalledSchedule is { } installed ? Math.Min(c.Installed, installed.LimitAt(now)) : c.Installed;
            c.Pending = c.Pending is { } pending && c.PendingSchedule is { } sent ? Math.Min(pending, sent.LimitAt(now)) : c.Pending;
        }
        PreArmSelection.Select(state, now, options);
        var inputs = SiteInputsBuilder.Build(state, now, options);
        var allocation = SiteAllocator.Allocate(now, inputs);
        foreach (var a in allocation.Connectors)
        {
            var c = state.Connectors[a.ConnectorId];
            c.Allocation = a.Allocation;
            c.Target = a.Current;
            c.State = a.State;
            c.Reason = a.Reason;
            if (c.Session is not null && a.State != ConnectorState.NotEligible)
            {
                c.Session = c.Session.After(a.State, now);
            }
        }
        var controlled = state.Connectors.Values.Where(c => IsControlled(state, c)).ToList();
        var decisions = Plan(state, inputs, controlled, now, options, decreaseRequired: new HashSet<string>());
        var worst = controlled.ToDictionary(c => c.Id, c => Worst(c, decisions[c.Id]), StringComparer.Ordinal);
        var check = LimitCheck.Check(now, inputs, worst);
        if (!check.WithinLimits)
        {
            // Keeping some limits (even within the dead band) would break a constraint: those decreases are sent now.
            decisions = Plan(state, inputs, controlled, now, options, RequiredDecreases(now, inputs, controlled, decisions, worst, check));
        }
        var schedules = ChargingScheduleBuilder.Build(now, inputs, options.Horizon, allocation).ToDictionary(s => s.ConnectorId, StringComparer.Ordinal);
        if (check.WithinLimits)
        {
            var commit = CommitStates(state, inputs, controlled, now, options, new HashSet<string>());
            foreach (var (id, limit) in DeadBandIncreases.Select(now, inputs, allocation, commit, decisions, worst, schedules, state.LastDecreaseAcceptedAt, options.Commit))
            {
                decisions[id] = decisions[id] with { Send = true, Limit = limit, Reason = CommitReason.RoundedIncrease };
            }
        }
        var commands = new List<ProfileCommand>();
        foreach (var c in controlled)
        {
            var decision = decisions[c.Id];
            // A session that started on its launch TxDefault gets its first TxProfile at once, as any session does, at
            // no more than it runs: once Accepted, the TxDefault can be cleared and stops counting.
            var takeOver = !decision.Send && c.LaunchDefault > 0 && c.LastSentAt is null && c.Pending is null;
            if (!decision.Send && !(c.ResendRequired && c.Pending is null) && !takeOver)
            {
                continue;
            }
            var limit = takeOver ? Math.Min(decision.Limit, c.Installed) : decision.Limit;
            commands.Add(TxProfile(state, c, limit, schedules.GetValueOrDefault(c.Id), now, options));
        }
        foreach (var (c, schedule) in FutureReductions.Missing(now, inputs, controlled, schedules, options.Horizon))
        {
            commands.Add(TxProfile(state, c, c.Installed, schedule, now, options));
        }
        foreach (var charger in state.Chargers.Values.Where(c => c.Online && c.BackstopRequired && c.BackstopSequence is null))
        {
            commands.Add(Backstop(state, charger, now, options));
        }
        commands.AddRange(PreArming.Commands(state, inputs, now, options));
        state.LastRunAt = now;
        return new LoopRun(allocation, commands, [.. controlled.Select(c => decisions[c.Id])]);
    }

    /// <summary>Applies the charger's answer to a send.</summary>
    /// <param name="state">The site.</param>
    /// <param name="connectorId">The command's connector id.</param>
    /// <param name="sequence">The command's sequence.</param>
    /// <param name="outcome">The answer.</param>
    /// <param name="now">The instant.</param>
    /// <param name="options">Loop options.</param>
    /// <param name="detail">The charger's status (Rejected, NotSupported) or error, recorded when a launch TxDefault is refused.</param>
    /// <returns>True when the loop should run again (an increase may now go, or a connector left control).</returns>
    public static bool Complete(
        SiteLoopState state, string connectorId, long sequence, ProfileOutcome outcome, DateTimeOffset now, LoopOptions options, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(options);
        if (PreArming.Complete(state, connectorId, sequence, outcome, detail, now, options) is { } preArm)
        {
            return preArm;
        }
        var backstop = state.Chargers.Values.FirstOrDefault(c => c.BackstopSequence == sequence);
        if (backstop is not null)
        {
            backstop.BackstopSequence = null;
            backstop.BackstopRequired = outcome is ProfileOutcome.Failed or ProfileOutcome.NotDelivered;
            return false;
        }
        if (!state.Connectors.TryGetValue(connectorId, out var c) || c.PendingSequence != sequence || c.Pending is not { } sent)
        {
            return false;
        }
        var schedule = c.PendingSchedule;
        c.Pending = null;
        c.PendingSequence = null;
        c.PendingSchedule = null;
        if (outcome is ProfileOutcome.NotDelivered or ProfileOutcome.Failed)
        {
            // The charger may run either profile: count the higher limit, flat (no reductions known for sure).
            c.InstalledSchedule = null;
        }
        if (outcome == ProfileOutcome.NotDelivered)
        {
            // The charger went away before answering: not its fault. It may run either limit, so the sent one stays
            // counted if higher, and the target is sent again when it is back.
            c.Installed = Math.Max(c.Installed, sent);
            c.ResendRequired = true;
            return false;
        }
        if (outcome == ProfileOutcome.Accepted)
        {
            if (sent < c.Installed)
            {
                state.LastDecreaseAcceptedAt = now;
            }
            c.Installed = sent;
            c.InstalledSchedule = schedule;
            c.LastAcceptedAt = now;
            c.Failures = 0;
            return true;
        }
        if (outcome == ProfileOutcome.Failed)
        {
            // No answer (or an error after sending): the charger may have applied it, so count the higher limit.
            c.Installed = Math.Max(c.Installed, sent);
        }
        c.Failures++;
        if (c.Failures == 1)
        {
            // Retry once at once with the fallback mode.
            c.Fallback = true;
            c.LastSentAt = null;
            SiteObservations.Raise(state, new SiteAlarm(now, c.Id, "ProfileFailed", $"SetChargingProfile {outcome}; retrying in W."), options);
            return true;
        }
        c.Controllable = false;
        SiteObservations.Raise(state, new SiteAlarm(now, c.Id, "Uncontrollable",
            $"SetChargingProfile {outcome} twice; the connector is counted at its maximum and excluded."), options);
        return true;
    }

    private static bool IsControlled(SiteLoopState state, LoopConnector c) =>
        c.Session is not null && c.TransactionId is not null && c.Controllable
        && state.Chargers.TryGetValue(c.ChargerId, out var charger) && charger.Online;

    /// <summary>
    /// What a connector may run once this round's sends apply. A session with no profile yet counts at its target even
    /// while its launch send waits (settle, pending decreases): room for it is made now, not after the wait.
    /// </summary>
    private static double Worst(LoopConnector c, CommitDecision decision) =>
        Math.Max(c.LaunchDefault, decision.Send || (c.Installed <= 0 && c.Pending is null) ? Math.Max(c.Effective, decision.Limit) : c.Effective);

    /// <summary>
    /// The fewest decreases within the dead band that, once Accepted with this round's other decreases, keep every
    /// constraint: largest excess over the target first, then connector id. Only these are "required to stay within a
    /// limit" (spec "When to send"); the other small decreases stay held and merge with a later change. Falls back to
    /// every connector on an exceeded constraint if decreases alone cannot make the limits hold.
    /// </summary>
    private static IReadOnlySet<string> RequiredDecreases(
        DateTimeOffset now, SiteInputs inputs, List<LoopConnector> controlled, Dictionary<string, CommitDecision> decisions,
        Dictionary<string, double> worst, LimitCheckResult check)
    {
        // What each connector may run once this round's decreases are Accepted.
        var after = new Dictionary<string, double>(worst, StringComparer.Ordinal);
        foreach (var c in controlled.Where(c => decisions[c.Id] is { Send: true } d && d.Limit < c.Effective))
        {
            after[c.Id] = decisions[c.Id].Limit;
        }
        var required = new HashSet<string>(StringComparer.Ordinal);
        var result = LimitCheck.Check(now, inputs, after);
        while (!result.WithinLimits)
        {
            var next = controlled
                .Where(c => result.Connectors.Contains(c.Id) && !required.Contains(c.Id) && c.Target < after[c.Id] - 1e-9)
                .OrderByDescending(c => after[c.Id] - c.Target)
                .ThenBy(c => c.Id, StringComparer.Ordinal)
                .FirstOrDefault();
            if (next is null)
            {
                return check.Connectors;
            }
            required.Add(next.Id);
            after[next.Id] = next.Target;
            result = LimitCheck.Check(now, inputs, after);
        }
        return required;
    }

    private static Dictionary<string, CommitDecision> Plan(
        SiteLoopState state, SiteInputs inputs, List<LoopConnector> controlled, DateTimeOffset now, LoopOptions options, IReadOnlySet<string> decreaseRequired)
    {
        return CommitPlanner.Plan(now, CommitStates(state, inputs, controlled, now, options, decreaseRequired), state.LastDecreaseAcceptedAt, options.Commit)
            .ToDictionary(d => d.ConnectorId, StringComparer.Ordinal);
    }

    private static List<ConnectorCommitState> CommitStates(
        SiteLoopState state, SiteInputs inputs, List<LoopConnector> controlled, DateTimeOffset now, LoopOptions options, IReadOnlySet<string> decreaseRequired)
    {
        // T_hold applies to increases a donation (a continuous signal) made possible; a session start or stop after the
        // donation is an event, and a launch (an increase from nothing installed) is the session start itself.
        var donationHold = state.LastDonationAt is { } donated && now - donated < options.Commit.Hold
            && !(state.LastSessionEventAt > donated) ? donated : (DateTimeOffset?)null;
        var minimum = inputs.Connectors.ToDictionary(i => i.Id, i => i.MinCurrent, StringComparer.Ordinal);
        return [.. controlled.Select(c => new ConnectorCommitState(c.Id, c.Installed, c.Target)
        {
            Pending = c.Pending,
            LastSentAt = c.LastSentAt,
            MinCurrent = minimum[c.Id],
            DecreaseRequired = decreaseRequired.Contains(c.Id),
            ContinuousSince = c.Installed <= 0 && c.Pending is null ? null : donationHold,
        })];
    }

    private static ProfileCommand TxProfile(SiteLoopState state, LoopConnector c, double limit, ConnectorSchedule? schedule, DateTimeOffset now, LoopOptions options)
    {
        var charger = state.Chargers[c.ChargerId];
        var settings = state.Settings.Connectors.TryGetValue(c.Id, out var s) ? s : new ConnectorSettings();
        var phases = schedule?.NumberPhases ?? SiteInputsBuilder.PhasesOf(c, settings, charger);
        var periods = schedule?.Periods is { Count: > 0 } p && Math.Abs(p[0].Limit - limit) < 1e-9 ? p : [new SchedulePeriod(0, limit)];
        var scheduleInAmperes = new SentSchedule(now - ChargingScheduleBuilder.ClockSkew, periods);
        var unit = c.Fallback ? "W" : "A";
        if (c.Fallback)
        {
            periods = [.. periods.Select(x => x with { Limit = Math.Floor(x.Limit * state.Settings.Voltage * phases) })];
        }
        var command = new ProfileCommand(
            ++state.Sequence, c.Id, c.ChargerId, c.Number, c.TransactionId, "TxProfile", options.ProfileIdBase + c.Number,
            options.StackLevel, now - ChargingScheduleBuilder.ClockSkew, unit, phases, periods, limit, limit < c.Effective);
        c.Pending = limit;
        c.PendingSchedule = scheduleInAmperes;
        c.PendingSequence = command.Sequence;
        c.LastSentAt = now;
        c.ResendRequired = false;
        return command;
    }

    private static ProfileCommand Backstop(SiteLoopState state, LoopCharger charger, DateTimeOffset now, LoopOptions options)
    {
        var command = new ProfileCommand(
            ++state.Sequence, SiteObservations.ConnectorId(charger.Id, 0), charger.Id, 0, null, "ChargePointMaxProfile",
            options.ProfileIdBase, options.StackLevel, now - ChargingScheduleBuilder.ClockSkew, "A", charger.Phases ?? 3,
            [new SchedulePeriod(0, charger.Cap)], charger.Cap, IsDecrease: false);
        charger.BackstopSequence = command.Sequence;
        return command;
    }
}
