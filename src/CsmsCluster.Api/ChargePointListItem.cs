namespace CsmsCluster.Api;

/// <summary>One charge point in the list.</summary>
public sealed record ChargePointListItem(
    string Id,
    string? SiteId,
    bool Connected,
    string? OcppVersion,
    DateTimeOffset? LastSeen,
    string? Vendor,
    string? Model,
    string? FirmwareVersion);
