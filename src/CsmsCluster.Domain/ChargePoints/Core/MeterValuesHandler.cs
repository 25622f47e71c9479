using System.Text.Json;
using CsmsCluster.Contracts;
using CsmsCluster.Ocpp;
using CsmsCluster.Persistence;

namespace CsmsCluster.Domain.ChargePoints.Core;

/// <summary>
/// MeterValues (OCPP 1.6 §4.7): stores the sampled values exactly as sent, linked to the transaction (the one given,
/// or the connector's open one). A replayed message is deduplicated by the history store.
/// </summary>
internal sealed class MeterValuesHandler(IHistoryWriter history) : IChargerCallHandler
{
    private static readonly byte[] EmptyResponse = "{}"u8.ToArray();

    public OcppVersion Version => OcppVersion.V16;

    public string Action => "MeterValues";

    public async Task<OcppReply> HandleAsync(ChargerCallContext context, byte[] payload, CancellationToken cancellationToken)
    {
        List<MeterValueSample> samples;
        using (var document = JsonDocument.Parse(payload))
        {
            var root = document.RootElement;
            var connectorId = root.GetProperty("connectorId").GetInt32();
            int? transactionId = root.TryGetProperty("transactionId", out var tx) ? tx.GetInt32() : null;
            transactionId ??= context.State.OpenTransactions.Values.FirstOrDefault(t => t.ConnectorId == connectorId)?.Id;
            samples = MeterValueReader.Read(root.GetProperty("meterValue"), context.ChargePointId, connectorId, transactionId);
        }

        await history.RecordMeterValuesAsync(samples, cancellationToken);
        return OcppReply.Result(EmptyResponse);
    }
}
