using CsmsCluster.Domain.Authorization;
using CsmsCluster.Ocpp;
using CsmsCluster.Ocpp.V16;
using CsmsCluster.Persistence;
using Microsoft.Extensions.Logging;

namespace CsmsCluster.Domain.ChargePoints.Core;

/// <summary>
/// StartTransaction (OCPP 1.6 §4.8). Every start gets a transaction id, even when the idTag is not accepted (the
/// charger then stops it). A replay (same connector, idTag, meterStart and timestamp) gets the same id again. The
/// state is written before the history row, so a crash in between is repaired by the charger's retry.
/// </summary>
internal sealed class StartTransactionHandler(IIdTagStore idTags, ITransactionIdAllocator ids, IHistoryWriter history, ILogger<StartTransactionHandler> logger)
    : ChargerCallHandler<StartTransactionRequest, StartTransactionResponse>(
        OcppVersion.V16, "StartTransaction", V16JsonContext.Default.StartTransactionRequest, V16JsonContext.Default.StartTransactionResponse)
{
    protected override async Task<StartTransactionResponse> HandleAsync(ChargerCallContext context, StartTransactionRequest request, CancellationToken cancellationToken)
    {
        var state = context.State;
        var replay = state.RecentTransactions.Find(r =>
            r.ConnectorId == request.ConnectorId && r.IdTag == request.IdTag && r.MeterStart == request.MeterStart && r.StartTime == request.Timestamp);
        if (replay is not null)
        {
            DomainLog.StartReplayed(logger, context.ChargePointId, replay.Id);
            await history.RecordTransactionStartedAsync(Started(context, request, replay.Id), cancellationToken);
            var status = Enum.Parse<IdTagStatus>(replay.IdTagStatus);
            return new StartTransactionResponse { TransactionId = replay.Id, IdTagInfo = new IdTagInfo { Status = IdTagInfos.ToStatus(status) } };
        }

        var decision = IdTagAuthorizer.Decide(await idTags.GetAsync(request.IdTag, cancellationToken), context.Now);
        if (decision.Status == IdTagStatus.Accepted
            && state.OpenTransactions.Values.Any(t => t.IdTag == request.IdTag && t.ConnectorId != request.ConnectorId))
        {
            decision = decision with { Status = IdTagStatus.ConcurrentTx };
        }

        var id = await ids.NextAsync(cancellationToken);
        // A connector has one transaction at a time: one still open here ended without a StopTransaction reaching us.
        foreach (var stale in state.OpenTransactions.Values.Where(t => t.ConnectorId == request.ConnectorId).ToList())
        {
            state.OpenTransactions.Remove(stale.Id);
        }

        state.OpenTransactions[id] = new OpenTransaction(id, request.ConnectorId, request.IdTag, request.MeterStart, request.Timestamp, request.ReservationId);
        // A TxProfile sent with RemoteStartTransaction belongs to the transaction it started.
        for (var i = 0; i < state.ChargingProfiles.Count; i++)
        {
            if (state.ChargingProfiles[i] is { Purpose: "TxProfile", TransactionId: null } p && (p.ConnectorId == request.ConnectorId || p.ConnectorId == 0))
            {
                state.ChargingProfiles[i] = p with { ConnectorId = request.ConnectorId, TransactionId = id };
            }
        }
        BoundedList.Append(
            state.RecentTransactions,
            new RecentTransaction(id, request.ConnectorId, request.IdTag, request.MeterStart, request.Timestamp, decision.Status.ToString(), null),
            context.Options.RecentTransactionCount);

        // A start on a reserved connector (or with the reservation's id) uses the reservation up (OCPP 1.6 §5.13).
        if (request.ReservationId is { } reservationId)
        {
            state.Reservations.Remove(reservationId);
        }

        context.MarkChanged();
        await context.SaveNowAsync();
        await history.RecordTransactionStartedAsync(Started(context, request, id), cancellationToken);
        DomainLog.TransactionStarted(logger, context.ChargePointId, id, request.ConnectorId);
        return new StartTransactionResponse { TransactionId = id, IdTagInfo = IdTagInfos.From(decision) };
    }

    private static TransactionStarted Started(ChargerCallContext context, StartTransactionRequest request, int id) =>
        new(id, context.ChargePointId, request.ConnectorId, request.IdTag, request.Timestamp, request.MeterStart, request.ReservationId);
}
