namespace CsmsCluster.Persistence;

/// <summary>
/// A charge point as shown in lists: a projection that the ChargePoint grain (the owner of the data) upserts on
/// registration, connect, disconnect and boot.
/// </summary>
/// <param name="Id">The charge point id.</param>
/// <param name="SiteId">The site it belongs to, if any.</param>
/// <param name="OcppVersion">The negotiated OCPP version of the current or last connection.</param>
/// <param name="Connected">Whether a connection is open.</param>
/// <param name="NodeId">The gateway node holding its connection.</param>
/// <param name="LastSeen">When a message was last received (UTC).</param>
/// <param name="Vendor">Vendor from the last BootNotification.</param>
/// <param name="Model">Model from the last BootNotification.</param>
/// <param name="FirmwareVersion">Firmware version from the last BootNotification.</param>
/// <param name="UpdatedAt">When this summary was written (UTC).</param>
public sealed record ChargePointSummary(
    string Id,
    string? SiteId,
    string? OcppVersion,
    bool Connected,
    string? NodeId,
    DateTimeOffset? LastSeen,
    string? Vendor,
    string? Model,
    string? FirmwareVersion,
    DateTimeOffset UpdatedAt);
