namespace CsmsCluster.SmartCharging.Tests.Properties;

/// <summary>A connector as the oracle sees it; values in the site's unit, <see cref="Quantum"/> too.</summary>
internal sealed record OracleConnector(
    ConnectorInput Input, bool Eligible, double MinA, double CapA, double Factor, double Min, double Cap, double Quantum);
