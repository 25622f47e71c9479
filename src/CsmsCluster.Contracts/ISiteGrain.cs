using CsmsCluster.Grains;
using CsmsCluster.SmartCharging;
using CsmsCluster.SmartCharging.Loop;

namespace CsmsCluster.Contracts;

/// <summary>
/// The Site grain (key: site id): owns a site's configuration and energy budget, runs the allocation loop and sends
/// charging profiles through the site's ChargePoint grains. Its members are the charge points registered with its id.
/// </summary>
[Alias("site")]
public interface ISiteGrain : IGrainWithStringKey
{
    /// <summary>Replaces the site's settings (PUT); the loop runs at once.</summary>
    /// <param name="settings">The settings.</param>
    /// <returns>The site's state.</returns>
    [Alias("configure")]
    Task<SiteView> ConfigureAsync(SiteSettings settings);

    /// <summary>Replaces the grid operator's limit schedule.</summary>
    /// <param name="steps">The steps, in the site's unit.</param>
    /// <returns>The site's state.</returns>
    [Alias("set-grid-limits")]
    Task<SiteView> SetGridLimitsAsync(IReadOnlyList<GridLimitStep> steps);

    /// <summary>Replaces the activation groups.</summary>
    /// <param name="groups">Up to 10 groups.</param>
    /// <returns>The site's state.</returns>
    [Alias("set-activation-groups")]
    Task<SiteView> SetActivationGroupsAsync(IReadOnlyList<ActivationGroup> groups);

    /// <summary>Sets one connector's parameters; also makes an uncontrollable connector controllable again.</summary>
    /// <param name="connectorId">The loop's connector id, <c>chargePointId/n</c>.</param>
    /// <param name="settings">The parameters.</param>
    /// <returns>The site's state.</returns>
    [Alias("set-connector")]
    Task<SiteView> SetConnectorAsync(string connectorId, ConnectorSettings settings);

    /// <summary>The site's settings and current allocation.</summary>
    /// <returns>The state; <see cref="SiteView.Configured"/> is false for a site never configured.</returns>
    [Alias("get")]
    Task<SiteView> GetAsync();

    /// <summary>A member charger's connection, limits and connectors changed.</summary>
    /// <param name="observation">The charger's state.</param>
    /// <returns>A task.</returns>
    [Alias("report-charger")]
    Task ReportChargerAsync(ChargerObservation observation);

    /// <summary>A member charger sent a meter sample.</summary>
    /// <param name="observation">The sample.</param>
    /// <returns>A task.</returns>
    [Alias("report-meter")]
    Task ReportMeterAsync(MeterObservation observation);

    /// <summary>A charger left the site (registered elsewhere).</summary>
    /// <param name="chargePointId">The charger.</param>
    /// <returns>A task.</returns>
    [Alias("remove-charger")]
    Task RemoveChargerAsync(string chargePointId);

    /// <summary>The answer to a profile the site sent.</summary>
    /// <param name="answer">The answer.</param>
    /// <returns>A task.</returns>
    [Alias("complete-profile")]
    Task CompleteProfileAsync(ProfileAnswer answer);
}
