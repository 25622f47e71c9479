using System.Diagnostics;
using CsmsCluster.Contracts;
using CsmsCluster.Grains;
using CsmsCluster.SmartCharging;
using CsmsCluster.SmartCharging.Loop;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CsmsCluster.Domain.Sites;

/// <summary>
/// The Site grain: owns one site's settings and the allocation loop's state (installed and pending limits, sessions,
/// donations), persisted so limits survive a restart. Member charge points report to it; it runs
/// <see cref="SiteLoop.Run"/> every cycle and on events (the first event after a quiet period at once, later ones
/// coalesced by the debounce) and hands the resulting profiles to <see cref="SiteProfileSender"/>.
/// </summary>
[GrainType("site")]
public sealed class SiteGrain(
    SiteProfileSender sender, SiteMetrics metrics, IOptions<SiteOptions> options, TimeProvider time, ILogger<SiteGrain> logger)
    : Grain<SiteLoopState>, ISiteGrain
{
    private readonly LoopOptions _loop = options.Value.ToLoopOptions();
    private IDisposable? _debounce;
    private IDisposable? _followUp;
    private DateTimeOffset? _followUpAt;
    private DateTimeOffset _lastTriggeredRun = DateTimeOffset.MinValue;
    private bool _dirty;
    private long _alarmsLogged;

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _alarmsLogged = State.AlarmsRaised;
        RegisterGrainTimer(_ => RunAsync(), _loop.Cycle, _loop.Cycle);
        // Sends that were pending when the previous activation ended may never be answered: resend them.
        foreach (var c in State.Connectors.Values.Where(c => c.PendingSequence is not null))
        {
            c.Installed = c.Effective;
            c.Pending = null;
            c.PendingSequence = null;
            c.ResendRequired = true;
        }
        foreach (var charger in State.Chargers.Values)
        {
            charger.BackstopSequence = null;
        }
        PreArming.ResetPending(State);
        Trigger();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_dirty && reason != DeactivationReason.Fenced)
        {
            await WriteStateAsync(cancellationToken);
            _dirty = false;
        }
    }

    /// <inheritdoc />
    public async Task<SiteView> ConfigureAsync(SiteSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        State.Settings = settings;
        State.Configured = true;
        return await ChangedAsync();
    }

    /// <inheritdoc />
    public async Task<SiteView> SetGridLimitsAsync(IReadOnlyList<GridLimitStep> steps)
    {
        State.Settings = State.Settings with { GridLimits = [.. steps.OrderBy(s => s.From)] };
        return await ChangedAsync();
    }

    /// <inheritdoc />
    public async Task<SiteView> SetActivationGroupsAsync(IReadOnlyList<ActivationGroup> groups)
    {
        State.Settings = State.Settings with { ActivationGroups = groups };
        return await ChangedAsync();
    }

    /// <inheritdoc />
    public async Task<SiteView> SetConnectorAsync(string connectorId, ConnectorSettings settings)
    {
        var connectors = new Dictionary<string, ConnectorSettings>(State.Settings.Connectors, StringComparer.Ordinal) { [connectorId] = settings };
        State.Settings = State.Settings with { Connectors = connectors };
        if (State.Connectors.TryGetValue(connectorId, out var c))
        {
            c.Controllable = true;
            c.Failures = 0;
            c.Fallback = false;
            c.OverdrawSamples = 0;
            // A charger that refused the launch TxDefault may be tried again once the operator touched the connector.
            if (c.PreArm is { } preArm)
            {
                preArm.Refused = null;
                preArm.Failures = 0;
            }
        }
        return await ChangedAsync();
    }

    /// <inheritdoc />
    public Task<SiteView> GetAsync() => Task.FromResult(SiteViews.Create(GetPrimaryKeyString(), State, time.GetUtcNow()));

    /// <inheritdoc />
    public async Task ReportChargerAsync(ChargerObservation observation)
    {
        if (!SiteObservations.ApplyCharger(State, observation, time.GetUtcNow()))
        {
            return;
        }
        if (RunsAtOnce())
        {
            // The first event after a quiet period runs the loop in this turn: one write holds both the observation
            // and the pending limits the run sets, and the profiles go out without waiting for a timer turn.
            _dirty = true;
            _lastTriggeredRun = time.GetUtcNow();
            await RunAsync();
            return;
        }
        await WriteStateAsync();
        Trigger();
    }

    /// <inheritdoc />
    public Task ReportMeterAsync(MeterObservation observation)
    {
        // Meter-derived state (draw, donations) is cheap to rebuild, so it is written with the next run, not per sample.
        if (SiteObservations.ApplyMeter(State, observation, time.GetUtcNow(), _loop))
        {
            Trigger();
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task RemoveChargerAsync(string chargePointId)
    {
        if (SiteObservations.RemoveCharger(State, chargePointId))
        {
            await WriteStateAsync();
            Trigger();
        }
    }

    /// <inheritdoc />
    public Task CompleteProfileAsync(ProfileAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        // Not written here: an answer only settles a pending send, and a pending send survives a crash as pending
        // (counted at max(old, new), then re-sent), so the write waits for the run it triggers.
        _dirty = true;
        // A TxDefault's answer is settled with the charger's own word (Rejected, NotSupported) as the recorded reason.
        if (SiteLoop.Complete(State, answer.ConnectorId, answer.Sequence, answer.Outcome, time.GetUtcNow(), _loop, answer.Detail))
        {
            Trigger();
        }
        LogNewAlarms();
        return Task.CompletedTask;
    }

    private async Task<SiteView> ChangedAsync()
    {
        await WriteStateAsync();
        Trigger();
        return SiteViews.Create(GetPrimaryKeyString(), State, time.GetUtcNow());
    }

    /// <summary>Schedules a run: at once when the last run is older than the debounce, else when it has passed.</summary>
    private void Trigger()
    {
        if (_debounce is not null)
        {
            return;
        }
        var since = time.GetUtcNow() - _lastTriggeredRun;
        var delay = since >= _loop.Debounce ? TimeSpan.Zero : _loop.Debounce - since;
        _debounce = RegisterGrainTimer(_ => DebouncedRunAsync(), delay, Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// Whether an event now would run the loop at once: no run is scheduled and the last event-triggered run is older
    /// than the debounce (measured from event-triggered runs only, so a periodic run never delays the next event).
    /// </summary>
    private bool RunsAtOnce() =>
        State.Configured && _debounce is null && time.GetUtcNow() - _lastTriggeredRun >= _loop.Debounce;

    private Task DebouncedRunAsync()
    {
        _debounce?.Dispose();
        _debounce = null;
        _lastTriggeredRun = time.GetUtcNow();
        return RunAsync();
    }

    private Task FollowUpRunAsync()
    {
        _followUp?.Dispose();
        _followUp = null;
        _followUpAt = null;
        return RunAsync();
    }

    /// <summary>
    /// Increases held back by the settle time, the hold or the send interval go out when that wait ends, not at the
    /// next cycle.
    /// </summary>
    private void ScheduleFollowUp(LoopRun run, DateTimeOffset now)
    {
        var commit = _loop.Commit;
        DateTimeOffset? at = null;
        foreach (var decision in run.Decisions)
        {
            var c = State.Connectors[decision.ConnectorId];
            DateTimeOffset? ready = decision.Reason switch
            {
                CommitReason.Settling => State.LastDecreaseAcceptedAt + commit.Settle,
                CommitReason.Holding => State.LastDonationAt + commit.Hold,
                CommitReason.RateLimited => c.LastSentAt + commit.MinInterval,
                _ => null,
            };
            if (ready is { } r && (at is null || r < at))
            {
                at = r;
            }
        }
        if (at is not { } due || due - now >= _loop.Cycle || (_followUpAt is { } existing && existing <= due))
        {
            return;
        }
        _followUp?.Dispose();
        _followUpAt = due;
        var delay = due > now ? due - now : TimeSpan.Zero;
        _followUp = RegisterGrainTimer(_ => FollowUpRunAsync(), delay + TimeSpan.FromMilliseconds(10), Timeout.InfiniteTimeSpan);
    }

    private async Task RunAsync()
    {
        if (!State.Configured)
        {
            return;
        }
        var started = Stopwatch.GetTimestamp();
        var now = time.GetUtcNow();
        var run = SiteLoop.Run(State, now, _loop);
        metrics.Runs.Add(1);
        metrics.RunDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        if (run.Commands.Count > 0 || _dirty)
        {
            // Pending limits are persisted before anything is sent: after a crash they are counted, then re-sent.
            await WriteStateAsync();
            _dirty = false;
        }
        if (run.Commands.Count > 0)
        {
            sender.Dispatch(GetPrimaryKeyString(), run.Commands);
            SiteLog.Ran(logger, GetPrimaryKeyString(), run.Commands.Count);
        }
        ScheduleFollowUp(run, now);
        if (State.Connectors.Values.Any(c => c.TransactionId is not null))
        {
            // Rotation and launch timeouts need the cycle timer even when no charger reports for a while.
            DelayDeactivation(_loop.Allocation.RotationPeriod * 2);
        }
        LogNewAlarms();
    }

    private void LogNewAlarms()
    {
        // Counted, not indexed: the list drops its oldest entries once full, and new alarms must still be seen.
        var fresh = (int)Math.Min(State.AlarmsRaised - _alarmsLogged, State.Alarms.Count);
        foreach (var alarm in State.Alarms.Skip(State.Alarms.Count - fresh))
        {
            SiteLog.Alarm(logger, GetPrimaryKeyString(), alarm.Kind, alarm.ConnectorId, alarm.Message);
            metrics.Alarms.Add(1, new KeyValuePair<string, object?>("kind", alarm.Kind));
        }
        _alarmsLogged = State.AlarmsRaised;
    }
}
