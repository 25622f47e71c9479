using CsmsCluster.Ocpp;

namespace CsmsCluster.Domain.ChargePoints.Commands;

/// <summary>
/// Keeps the charge point's state in step with a CSMS-initiated call the charger answered: the state a command
/// implies (configuration, profiles, reservations, local list, availability) comes from the charger's answer, never
/// from the request alone.
/// </summary>
public interface ICsmsCallObserver
{
    /// <summary>The OCPP version.</summary>
    OcppVersion Version { get; }

    /// <summary>The CSMS-initiated action.</summary>
    string Action { get; }

    /// <summary>Applies a completed call; returns whether the state changed.</summary>
    bool Apply(ChargePointState state, byte[] request, byte[] response, DateTimeOffset now);
}
