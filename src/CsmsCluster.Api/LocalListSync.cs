using System.Text.Json;
using CsmsCluster.Contracts;
using CsmsCluster.Grains;
using CsmsCluster.Ocpp.V16;
using CsmsCluster.Persistence;
using Microsoft.AspNetCore.Http;

namespace CsmsCluster.Api;

/// <summary>
/// Builds the charger's local authorization list from the id tag entries and sends it as a Full SendLocalList with
/// the next list version (OCPP 1.6 §5.15); the grain records the list once the charger accepts it.
/// </summary>
internal static class LocalListSync
{
    private const int PageSize = 500;

    public static async Task<IResult> SendAsync(
        string id, double? timeout, IIdTagStore idTags, IChargePointDirectory directory, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (await directory.GetAsync(id, cancellationToken) is null)
        {
            return Problems.NotFound($"Charge point '{id}' is not known.");
        }

        var entries = new List<AuthorizationData>();
        for (var page = 1; ; page++)
        {
            var result = await idTags.ListAsync(page, PageSize, cancellationToken);
            entries.AddRange(result.Items.Select(ToAuthorizationData));
            if (result.Items.Count < PageSize)
            {
                break;
            }
        }

        var details = await grains.GetGrain<IChargePointGrain>(id).GetDetailsAsync();
        var request = new SendLocalListRequest
        {
            ListVersion = Math.Max(details.LocalListVersion, 0) + 1,
            UpdateType = UpdateType.Full,
            LocalAuthorizationList = entries,
        };
        var payload = JsonSerializer.SerializeToUtf8Bytes(request, V16JsonContext.Default.SendLocalListRequest);
        return await OcppCommandSender.SendAsync(id, "SendLocalList", payload, new CommandOptions(timeout, null, null), directory, grains, cancellationToken);
    }

    private static AuthorizationData ToAuthorizationData(IdTagRecord record) => new()
    {
        IdTag = record.IdTag,
        IdTagInfo = new IdTagInfo
        {
            Status = Enum.TryParse<AuthorizationStatus>(record.Status, out var status) ? status : AuthorizationStatus.Invalid,
            ExpiryDate = record.ExpiryDate,
            ParentIdTag = record.ParentIdTag,
        },
    };
}
