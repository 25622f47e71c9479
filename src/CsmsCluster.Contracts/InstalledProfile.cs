namespace CsmsCluster.Contracts;

/// <summary>A charging profile the charger accepted.</summary>
/// <param name="ConnectorId">The connector (0 = the charge point).</param>
/// <param name="ChargingProfileId">The profile id.</param>
/// <param name="StackLevel">The stack level.</param>
/// <param name="Purpose">ChargePointMaxProfile, TxDefaultProfile or TxProfile.</param>
/// <param name="TransactionId">The transaction a TxProfile belongs to.</param>
/// <param name="ProfileJson">The <c>csChargingProfiles</c> object as sent.</param>
/// <param name="InstalledAt">When the charger accepted it.</param>
public sealed record InstalledProfile(int ConnectorId, int ChargingProfileId, int StackLevel, string Purpose, int? TransactionId, string ProfileJson, DateTimeOffset InstalledAt);
