namespace CsmsCluster.Domain.ChargePoints;

/// <summary>What the charger reported in its last BootNotification.</summary>
public sealed record BootRecord(
    string Vendor,
    string Model,
    string? SerialNumber,
    string? ChargeBoxSerialNumber,
    string? FirmwareVersion,
    string? Iccid,
    string? Imsi,
    string? MeterType,
    string? MeterSerialNumber,
    DateTimeOffset BootedAt);
