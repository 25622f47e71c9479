namespace CsmsCluster.Bench.Load;

/// <summary>One reconnect phase of S3.</summary>
public sealed record StormResult(
    string Phase, int Chargers, double SpreadSeconds, int AcceptedWithin30, int AcceptedWithin60, double AllAcceptedSeconds, long Refused503, long BootsPending,
    long OtherConnectFailures, double MainHealthMaxMs, int MainHealthFailures, double HealthMaxMs, int HealthFailures, int HealthProbes,
    long PeakRssKib, bool ServerAlive)
{
    public double PercentWithin30 => AcceptedWithin30 * 100.0 / Chargers;

    public double PercentWithin60 => AcceptedWithin60 * 100.0 / Chargers;
}
