using System.Text.Json;
using CsmsCluster.Ocpp.V16;
using CsmsCluster.SmartCharging.Loop;

namespace CsmsCluster.Domain.Sites;

/// <summary>Turns a loop <see cref="ProfileCommand"/> into an OCPP 1.6 SetChargingProfile.req payload.</summary>
internal static class SiteProfilePayload
{
    public static byte[] Create(ProfileCommand command)
    {
        var request = new SetChargingProfileRequest
        {
            ConnectorId = command.ConnectorNumber,
            CsChargingProfiles = new ChargingProfile
            {
                ChargingProfileId = command.ProfileId,
                TransactionId = command.TransactionId,
                StackLevel = command.StackLevel,
                ChargingProfilePurpose = command.Purpose switch
                {
                    "ChargePointMaxProfile" => ChargingProfilePurposeType.ChargePointMaxProfile,
                    PreArming.Purpose => ChargingProfilePurposeType.TxDefaultProfile,
                    _ => ChargingProfilePurposeType.TxProfile,
                },
                ChargingProfileKind = ChargingProfileKindType.Absolute,
                ChargingSchedule = new ChargingSchedule
                {
                    StartSchedule = command.StartSchedule,
                    ChargingRateUnit = command.Unit == "W" ? ChargingRateUnitType.W : ChargingRateUnitType.A,
                    ChargingSchedulePeriod = [.. command.Periods.Select(p => new ChargingSchedulePeriod
                    {
                        StartPeriod = p.StartPeriod,
                        // OCPP limits are multiples of 0.1; the loop already floors to that quantum.
                        Limit = Math.Round((decimal)p.Limit, 1, MidpointRounding.ToZero),
                        NumberPhases = command.NumberPhases,
                    })],
                },
            },
        };
        return JsonSerializer.SerializeToUtf8Bytes(request, V16JsonContext.Default.SetChargingProfileRequest);
    }
}
