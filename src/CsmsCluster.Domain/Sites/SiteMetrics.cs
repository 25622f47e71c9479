using System.Diagnostics.Metrics;

namespace CsmsCluster.Domain.Sites;

/// <summary>The smart-charging instruments (meter <c>CsmsCluster.SmartCharging</c>).</summary>
public sealed class SiteMetrics : IDisposable
{
    /// <summary>The meter name.</summary>
    public const string MeterName = "CsmsCluster.SmartCharging";

    private readonly Meter _meter = new(MeterName);

    /// <summary>Creates the instruments.</summary>
    public SiteMetrics()
    {
        Runs = _meter.CreateCounter<long>("csms.smartcharging.allocation.runs", description: "Allocation runs of all sites.");
        RunDuration = _meter.CreateHistogram<double>("csms.smartcharging.allocation.duration", "ms", "Time to allocate and plan one site.");
        Sends = _meter.CreateCounter<long>("csms.smartcharging.profile.sends", description: "Profiles sent by site loops, by purpose and outcome.");
        Alarms = _meter.CreateCounter<long>("csms.smartcharging.alarms", description: "Alarms raised by site loops, by kind.");
    }

    /// <summary>Alarms raised, by kind (ProfileFailed, Uncontrollable, PreArmRefused, ...).</summary>
    public Counter<long> Alarms { get; }

    /// <summary>Allocation runs.</summary>
    public Counter<long> Runs { get; }

    /// <summary>Allocation run duration.</summary>
    public Histogram<double> RunDuration { get; }

    /// <summary>Profile sends by outcome.</summary>
    public Counter<long> Sends { get; }

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}
