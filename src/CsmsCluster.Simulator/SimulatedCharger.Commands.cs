using System.Text.Json;

namespace CsmsCluster.Simulator;

/// <summary>Answers to CSMS-initiated calls; the ones that change the charger act on its state.</summary>
public sealed partial class SimulatedCharger
{
    private static readonly string[] ConfigurationKeys =
        ["HeartbeatInterval", "MeterValueSampleInterval", "NumberOfConnectors", "ChargeProfileMaxStackLevel", "SupportedFeatureProfiles"];

    private byte[] AnswerCsmsCall(OcppFrame frame)
    {
        var action = frame.Action ?? "";
        var payload = frame.Payload;
        Action<Utf8JsonWriter>? answer = action switch
        {
            "GetConfiguration" => GetConfiguration(payload),
            "SetChargingProfile" => CsmsCallAnswers.Status(SetChargingProfile(payload) ? "Accepted" : "Rejected"),
            "ClearChargingProfile" => CsmsCallAnswers.Status(ClearChargingProfile(payload) ? "Accepted" : "Unknown"),
            "RemoteStartTransaction" => CsmsCallAnswers.Status(RemoteStart(payload) ? "Accepted" : "Rejected"),
            "RemoteStopTransaction" => CsmsCallAnswers.Status(RemoteStop(payload) ? "Accepted" : "Rejected"),
            "TriggerMessage" => CsmsCallAnswers.Status(Trigger(payload) ? "Accepted" : "NotImplemented"),
            _ => CsmsCallAnswers.For(action),
        };
        return answer is null
            ? OcppFrameWriter.Error(frame.UniqueId, "NotImplemented", $"The simulator does not implement {action}.")
            : OcppFrameWriter.Result(frame.UniqueId, answer, static (w, a) => a(w));
    }

    private Action<Utf8JsonWriter> GetConfiguration(JsonElement payload)
    {
        var requested = payload.TryGetProperty("key", out var keys) ? [.. keys.EnumerateArray().Select(k => k.GetString() ?? "")] : ConfigurationKeys;
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["HeartbeatInterval"] = ((int)_heartbeat.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["MeterValueSampleInterval"] = ((int)_options.MeterValuesInterval.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["NumberOfConnectors"] = Connectors.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ChargeProfileMaxStackLevel"] = "8",
            ["SupportedFeatureProfiles"] = "Core,FirmwareManagement,LocalAuthListManagement,Reservation,SmartCharging,RemoteTrigger",
        };
        return w =>
        {
            w.WriteStartArray("configurationKey");
            foreach (var key in requested.Where(values.ContainsKey))
            {
                w.WriteStartObject();
                w.WriteString("key", key);
                w.WriteBoolean("readonly", key is "NumberOfConnectors" or "SupportedFeatureProfiles");
                w.WriteString("value", values[key]);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("unknownKey");
            foreach (var key in requested.Where(k => !values.ContainsKey(k)))
            {
                w.WriteStringValue(key);
            }

            w.WriteEndArray();
        };
    }

    private bool SetChargingProfile(JsonElement payload)
    {
        var connectorId = payload.GetProperty("connectorId").GetInt32();
        var read = ChargingProfileReader.Read(payload.GetProperty("csChargingProfiles"), DateTimeOffset.UtcNow, _options.Voltage, _options.Phases);
        if (read is not { } profile || connectorId > Connectors.Count)
        {
            return false;
        }

        var targets = connectorId == 0 ? Connectors : [Connectors[connectorId - 1]];
        switch (profile.Purpose)
        {
            case "TxProfile":
                // OCPP 1.6 §3.13.3: a TxProfile needs a transaction on the connector.
                var target = connectorId == 0 ? null : Connectors[connectorId - 1];
                if (target?.TransactionId is null && target?.Occupied != true)
                {
                    return false;
                }

                target!.TxProfile = profile.Limit;
                return true;
            case "TxDefaultProfile":
                foreach (var connector in targets)
                {
                    connector.TxDefaultProfile = profile.Limit;
                }

                return true;
            default:
                return profile.Purpose == "ChargePointMaxProfile";
        }
    }

    private bool ClearChargingProfile(JsonElement payload)
    {
        var purpose = payload.TryGetProperty("chargingProfilePurpose", out var p) ? p.GetString() : null;
        foreach (var connector in Connectors)
        {
            connector.TxProfile = purpose is null or "TxProfile" ? null : connector.TxProfile;
            connector.TxDefaultProfile = purpose is null or "TxDefaultProfile" ? null : connector.TxDefaultProfile;
        }

        return true;
    }

    private bool RemoteStart(JsonElement payload)
    {
        var requested = payload.TryGetProperty("connectorId", out var c) ? c.GetInt32() : 0;
        var connector = requested > 0 && requested <= Connectors.Count
            ? Connectors[requested - 1]
            : Connectors.FirstOrDefault(x => !x.Occupied);
        if (connector is null || connector.Occupied)
        {
            return false;
        }

        if (payload.TryGetProperty("chargingProfile", out var profile)
            && ChargingProfileReader.Read(profile, DateTimeOffset.UtcNow, _options.Voltage, _options.Phases) is { } read)
        {
            connector.TxProfile = read.Limit;
        }

        Schedule(TimeSpan.Zero, TimerKind.SessionStart, connector.ConnectorId, Volatile.Read(ref _epoch));
        return true;
    }

    private bool RemoteStop(JsonElement payload)
    {
        var transactionId = payload.GetProperty("transactionId").GetInt32();
        var connector = Connectors.FirstOrDefault(x => x.TransactionId == transactionId);
        if (connector is null)
        {
            return false;
        }

        Schedule(TimeSpan.Zero, TimerKind.SessionStop, connector.ConnectorId, Volatile.Read(ref _epoch));
        return true;
    }

    private bool Trigger(JsonElement payload)
    {
        var epoch = Volatile.Read(ref _epoch);
        var connectorId = payload.TryGetProperty("connectorId", out var c) ? Math.Clamp(c.GetInt32(), 1, Connectors.Count) : 1;
        var kind = payload.GetProperty("requestedMessage").GetString() switch
        {
            // One message each: the periodic timers (heartbeat, meter values) already run and must not be doubled.
            "Heartbeat" => TimerKind.TriggeredHeartbeat,
            "StatusNotification" => TimerKind.Status,
            "MeterValues" => TimerKind.TriggeredMeterValues,
            "BootNotification" => TimerKind.TriggeredBoot,
            _ => (TimerKind?)null,
        };
        if (kind is { } k)
        {
            Schedule(TimeSpan.Zero, k, connectorId, epoch);
        }

        return kind is not null;
    }
}
