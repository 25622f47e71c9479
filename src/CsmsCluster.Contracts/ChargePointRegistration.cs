namespace CsmsCluster.Contracts;

/// <summary>What an operator registers for a charge point.</summary>
/// <param name="SiteId">The site the charge point belongs to, if any.</param>
/// <param name="Password">A new Basic-auth password (security profiles 1/2); null keeps the current one, "" removes it.</param>
/// <param name="MaxCurrent">The charger's hardware maximum in A per phase.</param>
/// <param name="Phases">1 or 3.</param>
/// <param name="SecurityProfile">OCPP security profile the charger must use: 1 Basic auth, 2 TLS + Basic auth, 3 TLS with a
/// client certificate; 0 none; null keeps the current one.</param>
public sealed record ChargePointRegistration(string? SiteId, string? Password, decimal? MaxCurrent, int? Phases, int? SecurityProfile = null);
