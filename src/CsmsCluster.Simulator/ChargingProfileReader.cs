using System.Globalization;
using System.Text.Json;

namespace CsmsCluster.Simulator;

/// <summary>Reads SetChargingProfile.req (OCPP 1.6 §5.16) into a <see cref="ProfileLimit"/>.</summary>
public static class ChargingProfileReader
{
    /// <summary>
    /// The purpose (TxProfile, TxDefaultProfile, ChargePointMaxProfile) and limit of <paramref name="profile"/> (a
    /// csChargingProfiles or chargingProfile object); W limits become A per phase at the given voltage and phases.
    /// </summary>
    public static (string Purpose, ProfileLimit Limit)? Read(JsonElement profile, DateTimeOffset now, double voltage, int phases)
    {
        if (profile.ValueKind != JsonValueKind.Object
            || !profile.TryGetProperty("chargingProfilePurpose", out var purpose)
            || !profile.TryGetProperty("chargingSchedule", out var schedule)
            || !schedule.TryGetProperty("chargingSchedulePeriod", out var periods))
        {
            return null;
        }

        var watts = schedule.TryGetProperty("chargingRateUnit", out var unit) && unit.GetString() == "W";
        var start = schedule.TryGetProperty("startSchedule", out var startSchedule)
            && DateTimeOffset.TryParse(startSchedule.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                ? parsed
                : now;
        var list = new List<(int, double)>();
        foreach (var period in periods.EnumerateArray())
        {
            var limit = period.GetProperty("limit").GetDouble();
            var periodPhases = period.TryGetProperty("numberPhases", out var n) ? n.GetInt32() : phases;
            list.Add((period.GetProperty("startPeriod").GetInt32(), watts ? limit / (voltage * Math.Max(1, periodPhases)) : limit));
        }

        return (purpose.GetString() ?? "", new ProfileLimit(start, list));
    }
}
