using System.Text.Json;
using CsmsCluster.Contracts;
using CsmsCluster.Domain.Authorization;
using CsmsCluster.Ocpp;
using CsmsCluster.Ocpp.V16;
using CsmsCluster.Persistence;
using Microsoft.Extensions.Logging;

namespace CsmsCluster.Domain.ChargePoints.Core;

/// <summary>
/// StopTransaction (OCPP 1.6 §4.10): closes the transaction and stores its meter data. Always accepted, also for a
/// transaction this CSMS does not know (the charger must be able to empty its queue). Repeats change nothing: the
/// history write is idempotent and the meter values are deduplicated.
/// </summary>
internal sealed class StopTransactionHandler(IIdTagStore idTags, IHistoryWriter history, ILogger<StopTransactionHandler> logger) : IChargerCallHandler
{
    public OcppVersion Version => OcppVersion.V16;

    public string Action => "StopTransaction";

    public async Task<OcppReply> HandleAsync(ChargerCallContext context, byte[] payload, CancellationToken cancellationToken)
    {
        var request = JsonSerializer.Deserialize(payload, V16JsonContext.Default.StopTransactionRequest)
            ?? throw new JsonException("The StopTransaction payload is null.");
        var state = context.State;
        var id = request.TransactionId;
        var connectorId = 0;
        if (state.OpenTransactions.Remove(id, out var open))
        {
            connectorId = open.ConnectorId;
            var index = state.RecentTransactions.FindIndex(r => r.Id == id);
            if (index >= 0)
            {
                state.RecentTransactions[index] = state.RecentTransactions[index] with { StopTime = request.Timestamp };
            }

            // A TxProfile lives only as long as its transaction (OCPP 1.6 §3.13.2).
            state.ChargingProfiles.RemoveAll(p => p.Purpose == "TxProfile" && p.ConnectorId == connectorId);
            context.MarkChanged();
            await context.SaveNowAsync();
            DomainLog.TransactionStopped(logger, context.ChargePointId, id);
        }
        else if (state.RecentTransactions.Find(r => r.Id == id) is { } recent)
        {
            connectorId = recent.ConnectorId;
        }
        else
        {
            DomainLog.UnknownTransactionStopped(logger, context.ChargePointId, id);
        }

        using (var document = JsonDocument.Parse(payload))
        {
            if (document.RootElement.TryGetProperty("transactionData", out var data))
            {
                var samples = MeterValueReader.Read(data, context.ChargePointId, connectorId, id);
                if (samples.Count > 0)
                {
                    await history.RecordMeterValuesAsync(samples, cancellationToken);
                }
            }
        }

        await history.RecordTransactionStoppedAsync(
            new TransactionStopped(id, context.ChargePointId, request.Timestamp, request.MeterStop, request.Reason?.ToString() ?? "Local", request.IdTag),
            cancellationToken);

        var response = new StopTransactionResponse();
        if (request.IdTag is { } idTag)
        {
            response = new StopTransactionResponse
            {
                IdTagInfo = IdTagInfos.From(IdTagAuthorizer.Decide(await idTags.GetAsync(idTag, cancellationToken), context.Now)),
            };
        }

        return OcppReply.Result(JsonSerializer.SerializeToUtf8Bytes(response, V16JsonContext.Default.StopTransactionResponse));
    }
}
