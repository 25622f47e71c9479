using System.Text.Json;
using CsmsCluster.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace CsmsCluster.Api;

/// <summary><c>/api/v1/transactions</c>: transaction history with meter values.</summary>
internal static class TransactionEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/transactions").WithTags("Transactions");
        group.MapGet("/", ListAsync).WithName("ListTransactions");
        group.MapGet("/{id:int}", GetAsync).WithName("GetTransaction");
    }

    private static async Task<IResult> ListAsync(
        string? chargePointId, string? idTag, string? from, string? to, int? page, int? pageSize,
        IHistoryQueries history, IOptions<ApiOptions> options, CancellationToken cancellationToken)
    {
        if (!Paging.TryRead(page, pageSize, options.Value.MaxPageSize, out var p, out var s, out var error))
        {
            return Problems.BadRequest(error);
        }

        if (!QueryTime.TryParse(from, out var fromTime) || !QueryTime.TryParse(to, out var toTime))
        {
            return Problems.BadRequest(QueryTime.Error);
        }

        var result = await history.ListTransactionsAsync(new TransactionQuery(chargePointId, idTag, fromTime, toTime, p, s), cancellationToken);
        return Results.Ok(new PageDto<TransactionDto>([.. result.Items.Select(t => ToDto(t, null))], result.Total, result.Page, result.PageSize));
    }

    private static async Task<IResult> GetAsync(int id, IHistoryQueries history, CancellationToken cancellationToken)
    {
        var transaction = await history.GetTransactionAsync(id, cancellationToken);
        if (transaction is null)
        {
            return Problems.NotFound($"Transaction {id} is not known.");
        }

        var samples = await history.GetMeterValuesAsync(id, cancellationToken);
        var meterValues = samples
            .Select(m => new MeterValueDto(m.Timestamp, m.ConnectorId, JsonDocument.Parse(m.SampledValueJson).RootElement.Clone()))
            .ToList();
        return Results.Ok(ToDto(transaction, meterValues));
    }

    private static TransactionDto ToDto(TransactionRecord t, IReadOnlyList<MeterValueDto>? meterValues) => new()
    {
        Id = t.Id,
        ChargePointId = t.ChargePointId,
        ConnectorId = t.ConnectorId,
        IdTag = t.IdTag,
        StartTime = t.StartTime,
        StopTime = t.StopTime,
        MeterStart = t.MeterStart,
        MeterStop = t.MeterStop,
        EnergyWh = t.EnergyWh,
        StopReason = t.StopReason,
        StopIdTag = t.StopIdTag,
        ReservationId = t.ReservationId,
        MeterValues = meterValues,
    };
}
