namespace CsmsCluster.SmartCharging;

/// <summary>
/// One step of the grid operator's limit schedule: from <paramref name="From"/> on (until the next step) the site may
/// draw at most <paramref name="Limit"/>, in the site's unit. Use <see cref="double.PositiveInfinity"/> for "no limit".
/// </summary>
/// <param name="From">When the step takes effect.</param>
/// <param name="Limit">The maximum in the site's unit (A per phase or W).</param>
public sealed record GridLimitStep(DateTimeOffset From, double Limit);
