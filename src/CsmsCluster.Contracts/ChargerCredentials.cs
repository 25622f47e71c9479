namespace CsmsCluster.Contracts;

/// <summary>What a charger proved when it opened its WebSocket (OCPP 1.6 security whitepaper, security profiles).</summary>
/// <param name="Password">The HTTP Basic password, if one was sent with the charge point id as user name.</param>
/// <param name="Tls">Whether the connection is TLS (wss).</param>
/// <param name="CertificateVerified">Whether a TLS client certificate chained to the trusted CA and named this charge point.</param>
public sealed record ChargerCredentials(string? Password, bool Tls = false, bool CertificateVerified = false);
