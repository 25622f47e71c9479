using CsmsCluster.SmartCharging;
using CsmsCluster.SmartCharging.Loop;

namespace CsmsCluster.Bench.SmartCharging;

/// <summary>One connector of a <see cref="SimulatedCharger"/>: the EV plugged in, its transaction and its TxProfile.</summary>
public sealed class SimulatedConnector(int number, SitePhase wiredPhase)
{
    public int Number { get; } = number;

    /// <summary>The site phase the connector's L1 is wired to (where a 1-phase EV draws).</summary>
    public SitePhase WiredPhase { get; } = wiredPhase;

    public SimulatedEv? Ev { get; set; }

    public int? TransactionId { get; set; }

    public DateTimeOffset? TransactionStart { get; set; }

    /// <summary>The Accepted TxProfile of the running transaction.</summary>
    public ProfileCommand? Profile { get; set; }

    /// <summary>The Accepted TxDefaultProfile: it stays when a transaction ends.</summary>
    public ProfileCommand? DefaultProfile { get; set; }

    /// <summary>What the EV draws this second, A per phase.</summary>
    public double Draw { get; set; }

    /// <summary>The OCPP view of the connector.</summary>
    public ConnectorObservation Observation() =>
        new(Number, TransactionId is null ? "Available" : "Charging", TransactionId, TransactionStart);
}
