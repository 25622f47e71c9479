namespace CsmsCluster.SmartCharging.Tests.Properties;

/// <summary>A constraint as the test oracle derives it from the inputs, independently of the allocator.</summary>
internal sealed record OracleRow(string Key, double EffectiveLimit, Dictionary<string, double> Coefficients);
