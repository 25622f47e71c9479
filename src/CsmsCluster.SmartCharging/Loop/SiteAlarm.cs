namespace CsmsCluster.SmartCharging.Loop;

/// <summary>An alarm raised by the loop (a connector marked uncontrollable, a failed send).</summary>
/// <param name="At">When.</param>
/// <param name="ConnectorId">The connector concerned.</param>
/// <param name="Kind">A short code: <c>ProfileFailed</c>, <c>Uncontrollable</c>, <c>Overdraw</c>.</param>
/// <param name="Message">What happened.</param>
public sealed record SiteAlarm(DateTimeOffset At, string ConnectorId, string Kind, string Message);
