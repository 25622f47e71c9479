using CsmsCluster.Contracts;
using CsmsCluster.Persistence;

namespace CsmsCluster.Domain.ChargePoints;

/// <summary>Projections of <see cref="ChargePointState"/> for the API and the directory.</summary>
internal static class ChargePointViews
{
    public static ChargePointView Create(string id, ChargePointState state, bool connected) => new()
    {
        Id = id,
        Registered = state.Registered,
        SiteId = state.SiteId,
        Connected = connected,
        OcppVersion = state.Connection?.OcppVersion,
        LastSeen = state.LastSeen,
        MaxCurrent = state.MaxCurrent,
        Phases = state.Phases,
        HasPassword = state.PasswordHash is not null,
        SecurityProfile = state.SecurityProfile,
        Boot = state.Boot is { } b
            ? new BootInfo
            {
                Vendor = b.Vendor,
                Model = b.Model,
                SerialNumber = b.SerialNumber ?? b.ChargeBoxSerialNumber,
                FirmwareVersion = b.FirmwareVersion,
                Iccid = b.Iccid,
                Imsi = b.Imsi,
                MeterType = b.MeterType,
                MeterSerialNumber = b.MeterSerialNumber,
                BootedAt = b.BootedAt,
            }
            : null,
        Connectors = [.. state.Connectors.Select(kv => new ConnectorView(
            kv.Key,
            kv.Value.Status,
            kv.Value.ErrorCode,
            state.OpenTransactions.Values.FirstOrDefault(t => t.ConnectorId == kv.Key)?.Id,
            kv.Value.Info,
            kv.Value.VendorErrorCode,
            kv.Value.StatusTimestamp))],
    };

    public static ChargePointDetails Details(ChargePointState state, DateTimeOffset now) => new()
    {
        Configuration = [.. state.Configuration.Values],
        ChargingProfiles = [.. state.ChargingProfiles],
        Reservations = [.. state.Reservations.Values.Where(r => r.ExpiryDate > now)],
        LocalListVersion = state.LocalList.Version,
        LocalList = [.. state.LocalList.Entries.Values],
        Availability = new Dictionary<int, AvailabilityRecord>(state.Availability),
        StatusEvents = [.. state.StatusEvents],
        SecurityEvents = [.. state.SecurityEvents],
        QueuedCommands = [.. state.QueuedCommands],
        Certificates = [.. state.Certificates],
        CompositeSchedules = [.. state.CompositeSchedules.Values],
    };

    public static ChargePointSummary Summary(string id, ChargePointState state, DateTimeOffset now) => new(
        id,
        state.SiteId,
        state.Connection?.OcppVersion,
        state.Connection?.Open ?? false,
        state.Connection?.NodeId,
        state.LastSeen,
        state.Boot?.Vendor,
        state.Boot?.Model,
        state.Boot?.FirmwareVersion,
        now);
}
