using CsmsCluster.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace CsmsCluster.Api;

/// <summary><c>/api/v1/idtags</c>: authorization entries.</summary>
internal static class IdTagEndpoints
{
    /// <summary>idTag is CiString20Type in OCPP 1.6.</summary>
    private const int MaxIdTagLength = 20;

    private static readonly string[] Statuses = ["Accepted", "Blocked", "Expired", "Invalid"];

    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/idtags").WithTags("Id tags");
        group.MapGet("/", ListAsync).WithName("ListIdTags");
        group.MapGet("/{idTag}", GetAsync).WithName("GetIdTag");
        group.MapPut("/{idTag}", PutAsync).WithName("PutIdTag");
        group.MapDelete("/{idTag}", DeleteAsync).WithName("DeleteIdTag");
    }

    private static async Task<IResult> ListAsync(int? page, int? pageSize, IIdTagStore store, IOptions<ApiOptions> options, CancellationToken cancellationToken)
    {
        if (!Paging.TryRead(page, pageSize, options.Value.MaxPageSize, out var p, out var s, out var error))
        {
            return Problems.BadRequest(error);
        }

        var result = await store.ListAsync(p, s, cancellationToken);
        return Results.Ok(new PageDto<IdTagDto>([.. result.Items.Select(ToDto)], result.Total, result.Page, result.PageSize));
    }

    private static async Task<IResult> GetAsync(string idTag, IIdTagStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(idTag, cancellationToken) is { } record
            ? Results.Ok(ToDto(record))
            : Problems.NotFound($"idTag '{idTag}' is not known.");

    private static async Task<IResult> PutAsync(string idTag, IdTagBody? body, IIdTagStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        if (idTag.Length is 0 or > MaxIdTagLength)
        {
            return Problems.BadRequest($"idTag must be 1-{MaxIdTagLength} characters.");
        }

        if (body?.Status is not { } status || !Statuses.Contains(status, StringComparer.Ordinal))
        {
            return Problems.BadRequest($"status is required and must be one of {string.Join(", ", Statuses)}.");
        }

        if (body.ParentIdTag is { Length: 0 or > MaxIdTagLength })
        {
            return Problems.BadRequest($"parentIdTag must be 1-{MaxIdTagLength} characters.");
        }

        var record = new IdTagRecord(idTag, status, body.ExpiryDate?.ToUniversalTime(), body.ParentIdTag, time.GetUtcNow());
        await store.PutAsync(record, cancellationToken);
        return Results.Ok(ToDto(record));
    }

    private static async Task<IResult> DeleteAsync(string idTag, IIdTagStore store, CancellationToken cancellationToken) =>
        await store.DeleteAsync(idTag, cancellationToken)
            ? Results.NoContent()
            : Problems.NotFound($"idTag '{idTag}' is not known.");

    private static IdTagDto ToDto(IdTagRecord r) => new(r.IdTag, r.Status, r.ExpiryDate, r.ParentIdTag, r.UpdatedAt);
}
