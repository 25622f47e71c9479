namespace CsmsCluster.Contracts;

/// <summary>What an operator registers for a charge point.</summary>
/// <param name="SiteId">The site the charge point belongs to, if any.</param>
/// <param name="Password">A new Basic-auth password (security profiles 1/2); null keeps the current one, "" removes it.</param>
/// <param name="MaxCurrent">The charger's hardware maximum in A per phase.</param>
/// <param name="Phases">1 or 3.</param>
public sealed record ChargePointRegistration(string? SiteId, string? Password, decimal? MaxCurrent, int? Phases);
