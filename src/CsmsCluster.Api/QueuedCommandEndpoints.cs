using CsmsCluster.Contracts;
using CsmsCluster.Grains;
using CsmsCluster.Persistence;
using Microsoft.AspNetCore.Http;

namespace CsmsCluster.Api;

/// <summary>Delivery status of commands queued for an offline charger (<c>?queue=true</c>).</summary>
internal static class QueuedCommandEndpoints
{
    public static async Task<IResult> ListAsync(string id, IChargePointDirectory directory, IGrainFactory grains, CancellationToken cancellationToken) =>
        await directory.GetAsync(id, cancellationToken) is null
            ? Problems.NotFound($"Charge point '{id}' is not known.")
            : Results.Ok((await grains.GetGrain<IChargePointGrain>(id).GetDetailsAsync()).QueuedCommands);

    public static async Task<IResult> GetAsync(string id, string commandId, IChargePointDirectory directory, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (await directory.GetAsync(id, cancellationToken) is null)
        {
            return Problems.NotFound($"Charge point '{id}' is not known.");
        }

        var details = await grains.GetGrain<IChargePointGrain>(id).GetDetailsAsync();
        return details.QueuedCommands.FirstOrDefault(c => c.CommandId == commandId) is { } command
            ? Results.Ok(command)
            : Problems.NotFound($"Command '{commandId}' is not known (finished commands are kept for a while only).");
    }
}
