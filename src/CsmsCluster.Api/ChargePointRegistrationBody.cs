namespace CsmsCluster.Api;

/// <summary>Body of <c>PUT /api/v1/chargepoints/{id}</c>.</summary>
/// <param name="SiteId">The site the charge point belongs to.</param>
/// <param name="Password">Basic-auth password (16-40 characters); "" removes it; absent keeps it.</param>
/// <param name="MaxCurrent">Hardware maximum in A per phase.</param>
/// <param name="Phases">1 or 3.</param>
/// <param name="SecurityProfile">0 none, 1 Basic auth, 2 TLS + Basic auth, 3 TLS client certificate; absent keeps it.</param>
public sealed record ChargePointRegistrationBody(string? SiteId, string? Password, decimal? MaxCurrent, int? Phases, int? SecurityProfile = null);
