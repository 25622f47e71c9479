using System.Collections.Frozen;

namespace CsmsCluster.Ocpp;

/// <summary>
/// Who sends the CALL of each action. A CSMS answers CALLs of charger-initiated actions and sends CALLs of
/// CSMS-initiated ones; a CALL in the wrong direction is answered with <c>NotSupported</c> or <c>NotImplemented</c>.
/// <c>DataTransfer</c> goes both ways in both versions.
/// </summary>
/// <remarks>
/// 1.6: OCPP 1.6 §4 (operations initiated by the Charge Point) and §5 (initiated by the Central System), plus the
/// security whitepaper. 2.0.1: the message list of OCPP 2.0.1 Part 2 §1; the Charging Station → CSMS direction
/// includes the Local Controller messages that stations send (e.g. <c>PublishFirmwareStatusNotification</c>).
/// </remarks>
public static class OcppActionCatalog
{
    private static readonly FrozenSet<string> V16Charger = FrozenSet.Create(
        StringComparer.Ordinal,
        "Authorize", "BootNotification", "DataTransfer", "DiagnosticsStatusNotification", "FirmwareStatusNotification",
        "Heartbeat", "LogStatusNotification", "MeterValues", "SecurityEventNotification", "SignCertificate",
        "SignedFirmwareStatusNotification", "StartTransaction", "StatusNotification", "StopTransaction");

    private static readonly FrozenSet<string> V16Csms = FrozenSet.Create(
        StringComparer.Ordinal,
        "CancelReservation", "CertificateSigned", "ChangeAvailability", "ChangeConfiguration", "ClearCache",
        "ClearChargingProfile", "DataTransfer", "DeleteCertificate", "ExtendedTriggerMessage", "GetCompositeSchedule",
        "GetConfiguration", "GetDiagnostics", "GetInstalledCertificateIds", "GetLocalListVersion", "GetLog",
        "InstallCertificate", "RemoteStartTransaction", "RemoteStopTransaction", "ReserveNow", "Reset", "SendLocalList",
        "SetChargingProfile", "SignedUpdateFirmware", "TriggerMessage", "UnlockConnector", "UpdateFirmware");

    private static readonly FrozenSet<string> V201Charger = FrozenSet.Create(
        StringComparer.Ordinal,
        "Authorize", "BootNotification", "ClearedChargingLimit", "DataTransfer", "FirmwareStatusNotification",
        "Get15118EVCertificate", "GetCertificateStatus", "Heartbeat", "LogStatusNotification", "MeterValues",
        "NotifyChargingLimit", "NotifyCustomerInformation", "NotifyDisplayMessages", "NotifyEVChargingNeeds",
        "NotifyEVChargingSchedule", "NotifyEvent", "NotifyMonitoringReport", "NotifyReport",
        "PublishFirmwareStatusNotification", "ReportChargingProfiles", "ReservationStatusUpdate",
        "SecurityEventNotification", "SignCertificate", "StatusNotification", "TransactionEvent");

    private static readonly FrozenSet<string> V201Csms = FrozenSet.Create(
        StringComparer.Ordinal,
        "CancelReservation", "CertificateSigned", "ChangeAvailability", "ClearCache", "ClearChargingProfile",
        "ClearDisplayMessage", "ClearVariableMonitoring", "CostUpdated", "CustomerInformation", "DataTransfer",
        "DeleteCertificate", "GetBaseReport", "GetChargingProfiles", "GetCompositeSchedule", "GetDisplayMessages",
        "GetInstalledCertificateIds", "GetLocalListVersion", "GetLog", "GetMonitoringReport", "GetReport",
        "GetTransactionStatus", "GetVariables", "InstallCertificate", "PublishFirmware", "RequestStartTransaction",
        "RequestStopTransaction", "ReserveNow", "Reset", "SendLocalList", "SetChargingProfile", "SetDisplayMessage",
        "SetMonitoringBase", "SetMonitoringLevel", "SetNetworkProfile", "SetVariableMonitoring", "SetVariables",
        "TriggerMessage", "UnlockConnector", "UnpublishFirmware", "UpdateFirmware");

    /// <summary>Whether the charging station sends the CALL of <paramref name="action"/> (matched case-sensitively).</summary>
    public static bool IsChargerInitiated(OcppVersion version, string action) => ChargerInitiated(version).Contains(action);

    /// <summary>Whether the CSMS sends the CALL of <paramref name="action"/> (matched case-sensitively).</summary>
    public static bool IsCsmsInitiated(OcppVersion version, string action) => CsmsInitiated(version).Contains(action);

    /// <summary>The actions whose CALL the charging station sends.</summary>
    public static IReadOnlySet<string> ChargerInitiated(OcppVersion version) => version switch
    {
        OcppVersion.V16 => V16Charger,
        OcppVersion.V201 => V201Charger,
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, "Unknown OCPP version."),
    };

    /// <summary>The actions whose CALL the CSMS sends.</summary>
    public static IReadOnlySet<string> CsmsInitiated(OcppVersion version) => version switch
    {
        OcppVersion.V16 => V16Csms,
        OcppVersion.V201 => V201Csms,
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, "Unknown OCPP version."),
    };
}
