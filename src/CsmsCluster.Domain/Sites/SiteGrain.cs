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
    private int _alarmsLogged;

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _alarmsLogged = State.Alarms.Count;
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
        Trigger();
        return Task.CompletedTask;
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
        }
        return await ChangedAsync();
    }

    /// <inheritdoc />
    public Task<SiteView> GetAsync() => Task.FromResult(SiteViews.Create(GetPrimaryKeyString(), State, time.GetUtcNow()));

    /// <inheritdoc />
    public async Task ReportChargerAsync(ChargerObservation observation)
    {
        if (SiteObservations.ApplyCharger(State, observation, time.GetUtcNow()))
        {
            await WriteStateAsync();
            Trigger();
        }
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
    public async Task CompleteProfileAsync(ProfileAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (SiteLoop.Complete(State, answer.ConnectorId, answer.Sequence, answer.Outcome, time.GetUtcNow(), _loop))
        {
            Trigger();
        }
        await WriteStateAsync();
        LogNewAlarms();
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
        var since = State.LastRunAt is { } last ? time.GetUtcNow() - last : TimeSpan.MaxValue;
        var delay = since >= _loop.Debounce ? TimeSpan.Zero : _loop.Debounce - since;
        _debounce = RegisterGrainTimer(_ => DebouncedRunAsync(), delay, Timeout.InfiniteTimeSpan);
    }

    private Task DebouncedRunAsync()
    {
        _debounce?.Dispose();
        _debounce = null;
        return RunAsync();
    }

    private async Task RunAsync()
    {
        if (!State.Configured)
        {
            return;
        }
        var started = Stopwatch.GetTimestamp();
        var run = SiteLoop.Run(State, time.GetUtcNow(), _loop);
        metrics.Runs.Add(1);
        metrics.RunDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        if (run.Commands.Count > 0)
        {
            // Pending limits are persisted before anything is sent: after a crash they are counted, then re-sent.
            await WriteStateAsync();
            sender.Dispatch(GetPrimaryKeyString(), run.Commands);
            SiteLog.Ran(logger, GetPrimaryKeyString(), run.Commands.Count);
        }
        if (State.Connectors.Values.Any(c => c.TransactionId is not null))
        {
            // Rotation and launch timeouts need the cycle timer even when no charger reports for a while.
            DelayDeactivation(_loop.Allocation.RotationPeriod * 2);
        }
        LogNewAlarms();
    }

    private void LogNewAlarms()
    {
        foreach (var alarm in State.Alarms.Skip(Math.Min(_alarmsLogged, State.Alarms.Count)))
        {
            SiteLog.Alarm(logger, GetPrimaryKeyString(), alarm.Kind, alarm.ConnectorId, alarm.Message);
        }
        _alarmsLogged = State.Alarms.Count;
    }
}
