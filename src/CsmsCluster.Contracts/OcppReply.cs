namespace CsmsCluster.Contracts;

/// <summary>The answer to a charger's CALL: a CALLRESULT payload or a CALLERROR.</summary>
/// <param name="Payload">The CALLRESULT payload JSON, when <paramref name="ErrorCode"/> is null.</param>
/// <param name="ErrorCode">The CALLERROR code (wire name for the connection's OCPP version), or null.</param>
/// <param name="ErrorDescription">The CALLERROR description.</param>
/// <param name="HasQueuedCommands">The grain has commands to send to the charger once this reply went out (e.g.
/// CertificateSigned after SignCertificate): the gateway then calls <see cref="IChargePointGrain.DeliverQueuedAsync"/>.</param>
public sealed record OcppReply(byte[]? Payload, string? ErrorCode = null, string? ErrorDescription = null, bool HasQueuedCommands = false)
{
    /// <summary>A CALLRESULT with <paramref name="payload"/>.</summary>
    public static OcppReply Result(byte[] payload) => new(payload);

    /// <summary>A CALLERROR.</summary>
    public static OcppReply Error(string errorCode, string description) => new(null, errorCode, description);
}
