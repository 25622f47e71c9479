using System.Globalization;
using System.Text.Json;
using CsmsCluster.Domain.ChargePoints;
using CsmsCluster.SmartCharging.Loop;

namespace CsmsCluster.Domain.Sites;

/// <summary>What a ChargePoint grain reports to its site: its connectors' states and measured draws.</summary>
internal static class SiteReports
{
    /// <summary>The charger's connection, limits, connector statuses and open transactions.</summary>
    public static ChargerObservation Charger(string chargePointId, ChargePointState state, bool online)
    {
        var numbers = state.Connectors.Keys.Concat(state.OpenTransactions.Values.Select(t => t.ConnectorId)).Where(n => n > 0).Distinct().Order();
        var connectors = numbers.Select(n =>
        {
            var tx = state.OpenTransactions.Values.FirstOrDefault(t => t.ConnectorId == n);
            var status = state.Connectors.TryGetValue(n, out var record) ? record.Status : (tx is null ? "Available" : "Charging");
            return new ConnectorObservation(n, status, tx?.Id, tx?.StartTime);
        }).ToList();
        return new ChargerObservation(chargePointId, online, (double?)state.MaxCurrent, state.Phases, connectors);
    }

    /// <summary>
    /// The draw in a MeterValues.req: the last meterValue's Current.Import per phase (L1, L2, L3, or L1-N...), an
    /// unphased Current.Import, or Power.Active.Import (W or kW). Null when it carries none of them.
    /// </summary>
    public static MeterObservation? Meter(string chargePointId, byte[] payload)
    {
        using var document = JsonDocument.Parse(payload);
        var root = document.RootElement;
        var connectorId = root.GetProperty("connectorId").GetInt32();
        if (connectorId <= 0 || root.GetProperty("meterValue") is not { ValueKind: JsonValueKind.Array } values || values.GetArrayLength() == 0)
        {
            return null;
        }
        var last = values[values.GetArrayLength() - 1];
        var at = DateTimeOffset.Parse(last.GetProperty("timestamp").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        var phases = new double?[3];
        double? current = null, power = null;
        foreach (var sample in last.GetProperty("sampledValue").EnumerateArray())
        {
            var measurand = sample.TryGetProperty("measurand", out var m) ? m.GetString() : "Energy.Active.Import.Register";
            if (!double.TryParse(sample.GetProperty("value").GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                continue;
            }
            var phase = sample.TryGetProperty("phase", out var p) ? p.GetString() : null;
            if (measurand == "Current.Import")
            {
                var index = PhaseIndex(phase);
                if (index is { } i)
                {
                    phases[i] = value;
                }
                else if (phase is null)
                {
                    current = value;
                }
            }
            else if (measurand == "Power.Active.Import" && phase is null)
            {
                power = sample.TryGetProperty("unit", out var u) && u.GetString() == "kW" ? value * 1000 : value;
            }
        }
        if (phases.All(p => p is null) && current is null && power is null)
        {
            return null;
        }
        return new MeterObservation(chargePointId, connectorId, at.ToUniversalTime(), phases.Any(p => p is not null) ? phases : null, power) { Current = current };
    }

    private static int? PhaseIndex(string? phase) => phase switch
    {
        "L1" or "L1-N" => 0,
        "L2" or "L2-N" => 1,
        "L3" or "L3-N" => 2,
        _ => null,
    };
}
