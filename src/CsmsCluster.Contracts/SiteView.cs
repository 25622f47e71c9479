using CsmsCluster.SmartCharging.Loop;

namespace CsmsCluster.Contracts;

/// <summary>A site's settings and state as the API shows it.</summary>
/// <param name="Id">The site id.</param>
/// <param name="Configured">False until the site is configured through the API.</param>
/// <param name="Settings">The settings.</param>
/// <param name="EffectiveLimit">L_eff now, before fixed load, in the site's unit.</param>
/// <param name="GridLimit">The grid operator's limit now, if any.</param>
/// <param name="LastRunAt">When the loop last ran.</param>
/// <param name="Connectors">Every member connector.</param>
/// <param name="Alarms">Recent alarms, oldest first.</param>
public sealed record SiteView(
    string Id,
    bool Configured,
    SiteSettings Settings,
    double EffectiveLimit,
    double? GridLimit,
    DateTimeOffset? LastRunAt,
    IReadOnlyList<SiteConnectorView> Connectors,
    IReadOnlyList<SiteAlarm> Alarms);
