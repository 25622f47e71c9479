using System.Text.Json;
using CsmsCluster.Contracts;
using CsmsCluster.Ocpp.V16;

namespace CsmsCluster.Domain.ChargePoints.Commands;

/// <summary>An Accepted GetCompositeSchedule is kept per connector, so the API shows the last one the charger computed.</summary>
internal sealed class GetCompositeScheduleObserver()
    : CsmsCallObserver<GetCompositeScheduleRequest, GetCompositeScheduleResponse>(
        "GetCompositeSchedule", V16JsonContext.Default.GetCompositeScheduleRequest, V16JsonContext.Default.GetCompositeScheduleResponse)
{
    protected override bool Apply(ChargePointState state, GetCompositeScheduleRequest request, GetCompositeScheduleResponse response, DateTimeOffset now)
    {
        if (response.Status != GetCompositeScheduleStatus.Accepted)
        {
            return false;
        }

        var schedule = response.ChargingSchedule is { } s ? JsonSerializer.Serialize(s, V16JsonContext.Default.ChargingSchedule) : null;
        var connector = response.ConnectorId ?? request.ConnectorId;
        state.CompositeSchedules[connector] = new CompositeScheduleRecord(connector, request.Duration, response.ScheduleStart, schedule, now);
        return true;
    }
}
