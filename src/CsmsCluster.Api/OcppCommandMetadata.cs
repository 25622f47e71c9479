namespace CsmsCluster.Api;

/// <summary>Endpoint metadata of a typed command route: the OCPP 1.6 action whose payload its body is.</summary>
/// <param name="Action">The action.</param>
internal sealed record OcppCommandMetadata(string Action);
