using CsmsCluster.Ocpp;
using CsmsCluster.Ocpp.V16;

namespace CsmsCluster.Domain.ChargePoints.Core;

/// <summary>Heartbeat (OCPP 1.6 §4.6): answers with the CSMS time; the grain records that the charger was seen.</summary>
internal sealed class HeartbeatHandler()
    : ChargerCallHandler<HeartbeatRequest, HeartbeatResponse>(
        OcppVersion.V16, "Heartbeat", V16JsonContext.Default.HeartbeatRequest, V16JsonContext.Default.HeartbeatResponse)
{
    protected override Task<HeartbeatResponse> HandleAsync(ChargerCallContext context, HeartbeatRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new HeartbeatResponse { CurrentTime = context.Now });
}
