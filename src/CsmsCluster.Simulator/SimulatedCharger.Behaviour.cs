using System.Globalization;
using System.Text.Json;

namespace CsmsCluster.Simulator;

/// <summary>What a charger sends on its own: boot, heartbeats, sessions and their meter values.</summary>
public sealed partial class SimulatedCharger
{
    private static readonly TimeSpan FailedCallRetry = TimeSpan.FromSeconds(10);
    private TimeSpan _heartbeat = TimeSpan.FromMinutes(5);

    /// <inheritdoc />
    public void OnTimer(TimerKind kind, int argument, int epoch)
    {
        if (epoch != Volatile.Read(ref _epoch))
        {
            return; // Scheduled on a connection that has since ended.
        }

        Fire(kind switch
        {
            TimerKind.Heartbeat => HeartbeatAsync(epoch),
            TimerKind.TriggeredHeartbeat => CallAsync("Heartbeat", 0, static (_, _) => { }),
            TimerKind.MeterValues => MeterValuesAsync(Connectors[argument - 1], epoch, repeat: true),
            TimerKind.TriggeredMeterValues => MeterValuesAsync(Connectors[argument - 1], epoch, repeat: false),
            TimerKind.TriggeredBoot => SendBootNotificationAsync(),
            TimerKind.SessionStart => StartSessionAsync(Connectors[argument - 1], epoch),
            TimerKind.SessionStop => StopSessionAsync(Connectors[argument - 1], epoch),
            TimerKind.BootRetry => BootAsync(epoch),
            TimerKind.Status => StatusAsync(Connectors[argument - 1]),
            _ => Task.CompletedTask,
        });
    }

    private void Schedule(TimeSpan delay, TimerKind kind, int argument, int epoch) =>
        _fleet.Wheel.Schedule(delay, this, kind, argument, epoch);

    private TimeSpan Exponential(TimeSpan mean) => TimeSpan.FromSeconds(-mean.TotalSeconds * Math.Log(1 - Random.Shared.NextDouble()));

    private Task<CallReply> SendBootNotificationAsync() =>
        CallAsync("BootNotification", Id, static (w, id) =>
        {
            w.WriteString("chargePointVendor", "CsmsCluster");
            w.WriteString("chargePointModel", "Simulator");
            w.WriteString("chargePointSerialNumber", id);
            w.WriteString("firmwareVersion", "1.0.0");
        });

    private async Task BootAsync(int epoch)
    {
        var reply = await SendBootNotificationAsync();
        if (reply.Outcome != CallOutcome.Result)
        {
            Schedule(FailedCallRetry, TimerKind.BootRetry, 0, epoch);
            return;
        }

        var status = reply.Echoed ? "Accepted" : reply.GetString("status") ?? "Rejected";
        var interval = reply.Payload.ValueKind == JsonValueKind.Object && reply.Payload.TryGetProperty("interval", out var i)
            ? TimeSpan.FromSeconds(Math.Max(1, i.GetInt32()))
            : _heartbeat;
        _fleet.Stats.Boot(status);
        if (status != "Accepted")
        {
            Schedule(interval, TimerKind.BootRetry, 0, epoch);
            return;
        }

        _attempt = 0;
        BootAccepted = true;
        _fleet.RecordAccepted(Index);
        _heartbeat = _options.HeartbeatInterval ?? interval;
        Schedule(_heartbeat, TimerKind.Heartbeat, 0, epoch);
        foreach (var connector in Connectors)
        {
            await StatusAsync(connector);
            if (connector.TransactionId is not null)
            {
                Schedule(_options.MeterValuesInterval, TimerKind.MeterValues, connector.ConnectorId, epoch);
            }
            else if (_options.Sessions && !connector.Occupied)
            {
                Schedule(Exponential(_options.MeanIdleTime), TimerKind.SessionStart, connector.ConnectorId, epoch);
            }
        }
    }

    private async Task HeartbeatAsync(int epoch)
    {
        await CallAsync("Heartbeat", 0, static (_, _) => { });
        Schedule(_heartbeat, TimerKind.Heartbeat, 0, epoch);
    }

    private Task<CallReply> StatusAsync(ConnectorState connector) =>
        CallAsync("StatusNotification", connector, static (w, c) =>
        {
            w.WriteNumber("connectorId", c.ConnectorId);
            w.WriteString("errorCode", "NoError");
            w.WriteString("status", c.TransactionId is null ? "Available" : "Charging");
            w.WriteString("timestamp", OcppTime.Format(DateTimeOffset.UtcNow));
        });

    private async Task StartSessionAsync(ConnectorState connector, int epoch)
    {
        if (connector.Occupied)
        {
            return;
        }

        connector.Occupied = true;
        var now = DateTimeOffset.UtcNow;
        var reply = await CallAsync("StartTransaction", (connector, _options.IdTag, now), static (w, s) =>
        {
            w.WriteNumber("connectorId", s.connector.ConnectorId);
            w.WriteString("idTag", s.IdTag);
            w.WriteNumber("meterStart", (long)s.connector.EnergyWh);
            w.WriteString("timestamp", OcppTime.Format(s.now));
        });
        if (reply.Outcome != CallOutcome.Result || !reply.Payload.TryGetProperty("transactionId", out var id))
        {
            connector.Occupied = false;
            Schedule(FailedCallRetry, TimerKind.SessionStart, connector.ConnectorId, epoch);
            return;
        }

        connector.TransactionId = id.GetInt32();
        connector.LastMeterTime = now;
        var accepted = reply.Payload.TryGetProperty("idTagInfo", out var info) && info.GetProperty("status").GetString() == "Accepted";
        if (!accepted)
        {
            await StopSessionAsync(connector, epoch, "DeAuthorized");
            return;
        }

        await StatusAsync(connector);
        Schedule(_options.MeterValuesInterval, TimerKind.MeterValues, connector.ConnectorId, epoch);
        Schedule(Exponential(_options.MeanSessionLength), TimerKind.SessionStop, connector.ConnectorId, epoch);
    }

    private Task StopSessionAsync(ConnectorState connector, int epoch) => StopSessionAsync(connector, epoch, "EVDisconnected");

    private async Task StopSessionAsync(ConnectorState connector, int epoch, string reason)
    {
        if (connector.TransactionId is not { } transactionId)
        {
            return;
        }

        var now = DateTimeOffset.UtcNow;
        EvModel.Advance(connector, connector.LastReportedCurrent, _options.Phases, _options.Voltage, now);
        connector.TransactionId = null;
        connector.TxProfile = null;
        connector.LastReportedCurrent = 0;
        await CallAsync("StopTransaction", (transactionId, connector.EnergyWh, now, reason), static (w, s) =>
        {
            w.WriteNumber("transactionId", s.transactionId);
            w.WriteNumber("meterStop", (long)s.EnergyWh);
            w.WriteString("timestamp", OcppTime.Format(s.now));
            w.WriteString("reason", s.reason);
        });
        connector.Occupied = false;
        await StatusAsync(connector);
        if (_options.Sessions)
        {
            Schedule(Exponential(_options.MeanIdleTime), TimerKind.SessionStart, connector.ConnectorId, epoch);
        }
    }

    private async Task MeterValuesAsync(ConnectorState connector, int epoch, bool repeat)
    {
        if (connector.TransactionId is not { } transactionId)
        {
            return;
        }

        var now = DateTimeOffset.UtcNow;
        EvModel.Advance(connector, connector.LastReportedCurrent, _options.Phases, _options.Voltage, now);
        var current = EvModel.CurrentPerPhase(connector, _options.EvMaxCurrent, now);
        connector.LastReportedCurrent = current;
        await CallAsync("MeterValues", (connector, transactionId, current, now, _options.Phases), static (w, s) =>
        {
            w.WriteNumber("connectorId", s.connector.ConnectorId);
            w.WriteNumber("transactionId", s.transactionId);
            w.WriteStartArray("meterValue");
            w.WriteStartObject();
            w.WriteString("timestamp", OcppTime.Format(s.now));
            w.WriteStartArray("sampledValue");
            for (var phase = 1; phase <= s.Phases; phase++)
            {
                WriteSample(w, s.current.ToString("0.0", CultureInfo.InvariantCulture), "Current.Import", "A", $"L{phase}");
            }

            WriteSample(w, ((long)s.connector.EnergyWh).ToString(CultureInfo.InvariantCulture), "Energy.Active.Import.Register", "Wh", null);
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
        });
        if (repeat)
        {
            Schedule(_options.MeterValuesInterval, TimerKind.MeterValues, connector.ConnectorId, epoch);
        }
    }

    /// <summary>
    /// Sends one MeterValues CALL with three sampled values (energy register, power, current) on connector 1, outside
    /// any session: the load benchmark's message.
    /// </summary>
    public Task<CallReply> SendSampleMeterValuesAsync(long energyWh) =>
        CallAsync("MeterValues", energyWh, static (w, wh) =>
        {
            w.WriteNumber("connectorId", 1);
            w.WriteStartArray("meterValue");
            w.WriteStartObject();
            w.WriteString("timestamp", OcppTime.Format(DateTimeOffset.UtcNow));
            w.WriteStartArray("sampledValue");
            WriteSample(w, wh.ToString(CultureInfo.InvariantCulture), "Energy.Active.Import.Register", "Wh", null);
            WriteSample(w, "7360", "Power.Active.Import", "W", null);
            WriteSample(w, "32.0", "Current.Import", "A", null);
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
        });

    private static void WriteSample(Utf8JsonWriter w, string value, string measurand, string unit, string? phase)
    {
        w.WriteStartObject();
        w.WriteString("value", value);
        w.WriteString("context", "Sample.Periodic");
        w.WriteString("measurand", measurand);
        if (phase is not null)
        {
            w.WriteString("phase", phase);
        }

        w.WriteString("location", "Outlet");
        w.WriteString("unit", unit);
        w.WriteEndObject();
    }
}
