using CsmsCluster.Grains;
using CsmsCluster.Persistence;
using Microsoft.AspNetCore.Http;

namespace CsmsCluster.Api;

/// <summary><c>POST /api/v1/chargepoints/{id}/ocpp/{action}</c>: any CSMS-initiated call, the body as its payload.</summary>
internal static class OcppCallEndpoint
{
    public static async Task<IResult> SendAsync(
        string id, string action, double? timeout, bool? queue, double? ttl, HttpRequest request, IChargePointDirectory directory, IGrainFactory grains, CancellationToken cancellationToken) =>
        await OcppCommandSender.SendAsync(
            id, action, await OcppCommandSender.ReadBodyAsync(request, cancellationToken), new CommandOptions(timeout, queue, ttl), directory, grains, cancellationToken);
}
