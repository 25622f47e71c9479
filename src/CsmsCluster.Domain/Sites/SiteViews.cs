using CsmsCluster.Contracts;
using CsmsCluster.SmartCharging;
using CsmsCluster.SmartCharging.Loop;

namespace CsmsCluster.Domain.Sites;

/// <summary>Builds the API's view of a site from its loop state.</summary>
internal static class SiteViews
{
    public static SiteView Create(string siteId, SiteLoopState state, DateTimeOffset now)
    {
        var settings = state.Settings;
        var grid = settings.GridLimits.Count == 0 ? (double?)null : new SiteInputs(settings.Unit, settings.Limit, [], []) { GridLimits = settings.GridLimits }.GridLimitAt(now);
        var limit = Math.Min(settings.Limit, grid ?? double.PositiveInfinity);
        var effective = Math.Round(((1 - settings.Margin) * limit) - settings.BaseLoad, 3);
        var connectors = state.Connectors.Values.Select(c => Connector(state, c)).ToList();
        return new SiteView(
            siteId, state.Configured, settings, effective, grid is { } g && !double.IsInfinity(g) ? g : null, state.LastRunAt, connectors, [.. state.Alarms]);
    }

    private static SiteConnectorView Connector(SiteLoopState state, LoopConnector c)
    {
        var online = state.Chargers.TryGetValue(c.ChargerId, out var charger) && charger.Online;
        var toSiteUnit = 1.0;
        if (state.Settings.Unit == SiteUnit.Watts && charger is not null)
        {
            var settings = state.Settings.Connectors.TryGetValue(c.Id, out var s) ? s : new ConnectorSettings();
            toSiteUnit = state.Settings.Voltage * SiteInputsBuilder.PhasesOf(c, settings, charger);
        }
        return new SiteConnectorView(
            c.ChargerId, c.Number, c.Status, c.TransactionId, c.Allocation, Math.Round(c.Installed * toSiteUnit, 3),
            c.Pending is { } p ? Math.Round(p * toSiteUnit, 3) : null, c.Measured, StateOf(c, online), online)
        {
            PreArm = PreArming.StateOf(c),
            PreArmDetail = c.PreArm?.Refused,
            LaunchReserve = PreArmSelection.Reserve(c) is { } reserve && online && c.Controllable ? Math.Round(reserve * toSiteUnit, 3) : null,
        };
    }

    private static string StateOf(LoopConnector c, bool online) => c switch
    {
        _ when !online => "offline",
        { Controllable: false } => "uncontrollable",
        { TransactionId: null } => "idle",
        { Reason: ExclusionReason.OutsideActivationWindow } => "outsideWindow",
        { Reason: ExclusionReason.Faulted } => "faulted",
        { State: ConnectorState.Queued } => "queued",
        { State: ConnectorState.Admitted } => "admitted",
        _ => "notEligible",
    };
}
