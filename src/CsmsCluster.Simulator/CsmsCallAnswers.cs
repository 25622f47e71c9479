using System.Text.Json;

namespace CsmsCluster.Simulator;

/// <summary>Schema-valid answers to the CSMS-initiated OCPP 1.6 calls whose answer needs no charger state.</summary>
public static class CsmsCallAnswers
{
    private static readonly Dictionary<string, Action<Utf8JsonWriter>> Answers = new(StringComparer.Ordinal)
    {
        ["CancelReservation"] = Status("Accepted"),
        ["CertificateSigned"] = Status("Accepted"),
        ["ChangeAvailability"] = Status("Accepted"),
        ["ChangeConfiguration"] = Status("Accepted"),
        ["ClearCache"] = Status("Accepted"),
        ["DataTransfer"] = Status("Accepted"),
        ["DeleteCertificate"] = Status("Accepted"),
        ["ExtendedTriggerMessage"] = Status("Accepted"),
        ["GetCompositeSchedule"] = Status("Rejected"),
        ["GetDiagnostics"] = _ => { },
        ["GetInstalledCertificateIds"] = Status("NotFound"),
        ["GetLocalListVersion"] = w => w.WriteNumber("listVersion", 0),
        ["GetLog"] = Status("Accepted"),
        ["InstallCertificate"] = Status("Accepted"),
        ["ReserveNow"] = Status("Accepted"),
        ["Reset"] = Status("Accepted"),
        ["SendLocalList"] = Status("Accepted"),
        ["SignedUpdateFirmware"] = Status("Accepted"),
        ["UnlockConnector"] = Status("Unlocked"),
        ["UpdateFirmware"] = _ => { },
    };

    /// <summary>The answer's payload writer, or null when the action is not one of these.</summary>
    public static Action<Utf8JsonWriter>? For(string action) => Answers.GetValueOrDefault(action);

    /// <summary>Writes <c>"status": value</c>.</summary>
    public static Action<Utf8JsonWriter> Status(string value) => w => w.WriteString("status", value);
}
