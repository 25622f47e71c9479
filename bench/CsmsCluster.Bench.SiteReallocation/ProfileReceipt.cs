namespace CsmsCluster.Bench.SiteReallocation;

/// <summary>A SetChargingProfile CALL as a simulated charger received it.</summary>
/// <param name="At">Monotonic receive time (<see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>), taken when the frame was complete.</param>
/// <param name="Purpose">TxProfile or ChargePointMaxProfile.</param>
/// <param name="Limit">The first period's limit.</param>
public sealed record ProfileReceipt(long At, string Purpose, double Limit);
