namespace CsmsCluster.SmartCharging.Loop;

/// <summary>What a charger's grain reports to its site: connection, limits and every connector's state.</summary>
/// <param name="ChargerId">The charge point id.</param>
/// <param name="Online">Whether the charger is connected.</param>
/// <param name="MaxCurrent">Its hardware maximum in A per phase, if registered.</param>
/// <param name="Phases">Its phases (1 or 3), if registered.</param>
/// <param name="Connectors">Connector states (connector 0 excluded).</param>
public sealed record ChargerObservation(
    string ChargerId, bool Online, double? MaxCurrent, int? Phases, IReadOnlyList<ConnectorObservation> Connectors);
