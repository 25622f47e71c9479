namespace CsmsCluster.Server.Tests.Telemetry;

/// <summary>
/// Tests that export telemetry run alone. Meters and ActivitySources are subscribed by name, process-wide: another
/// test's server in the same process would feed the same instrument names into this test's providers, and disposing
/// that server would end the metric streams the providers share between the two.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry export";
}
