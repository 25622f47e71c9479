using System.Text.Json;

namespace CsmsCluster.Api;

/// <summary>An installed charging profile, with the profile object as the charger accepted it.</summary>
public sealed record ChargingProfileDto(int ConnectorId, int ChargingProfileId, int StackLevel, string Purpose, int? TransactionId, JsonElement Profile, DateTimeOffset InstalledAt);
