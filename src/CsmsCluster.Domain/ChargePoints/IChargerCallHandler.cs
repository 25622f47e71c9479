using CsmsCluster.Contracts;
using CsmsCluster.Ocpp;

namespace CsmsCluster.Domain.ChargePoints;

/// <summary>Handles one charger-initiated action of one OCPP version; stateless, state lives in the context.</summary>
public interface IChargerCallHandler
{
    /// <summary>The OCPP version.</summary>
    OcppVersion Version { get; }

    /// <summary>The action, e.g. <c>StartTransaction</c>.</summary>
    string Action { get; }

    /// <summary>Handles a schema-valid payload and returns the reply.</summary>
    Task<OcppReply> HandleAsync(ChargerCallContext context, byte[] payload, CancellationToken cancellationToken);
}
