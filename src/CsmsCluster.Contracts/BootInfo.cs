namespace CsmsCluster.Contracts;

/// <summary>What the charger said about itself in its last BootNotification.</summary>
public sealed record BootInfo
{
    /// <summary>chargePointVendor.</summary>
    public string? Vendor { get; init; }

    /// <summary>chargePointModel.</summary>
    public string? Model { get; init; }

    /// <summary>chargePointSerialNumber (or chargeBoxSerialNumber).</summary>
    public string? SerialNumber { get; init; }

    /// <summary>firmwareVersion.</summary>
    public string? FirmwareVersion { get; init; }

    /// <summary>iccid.</summary>
    public string? Iccid { get; init; }

    /// <summary>imsi.</summary>
    public string? Imsi { get; init; }

    /// <summary>meterType.</summary>
    public string? MeterType { get; init; }

    /// <summary>meterSerialNumber.</summary>
    public string? MeterSerialNumber { get; init; }

    /// <summary>When the BootNotification was received.</summary>
    public DateTimeOffset? BootedAt { get; init; }
}
