using CsmsCluster.Server.Tests.Migrations;
using CsmsCluster.Server.Tests.Telemetry;
using CsmsCluster.TestSupport;

namespace CsmsCluster.Server.Tests.MultiProcess;

/// <summary>
/// One charger message is one trace across processes: the gateway process's span, the grain call on the silo
/// process and the silo's storage spans share a trace id. Each process exports to its own OTLP receiver, so which
/// process emitted a span is certain.
/// </summary>
public sealed class CrossProcessTraceTests
{
    [Fact]
    public async Task ChargerMessage_ThroughGatewayProcess_IsOneTraceWithTheGrainAndStorageOnTheSiloProcess()
    {
        await using var gatewayReceiver = await OtlpReceiver.StartAsync();
        await using var siloReceiver = await OtlpReceiver.StartAsync();
        await using var db = await TestDatabase.CreateAsync(StorageKind.Postgres);
        await using var silo = ServerProcess.Start([.. ClusterNode.Settings(db, "silo", "trace-silo"), .. Export(siloReceiver)]);
        await silo.ListeningAsync(TimeSpan.FromSeconds(60));
        await using var gatewayProcess = ServerProcess.Start([.. ClusterNode.Settings(db, "gateway", "trace-gateway"), .. Export(gatewayReceiver)]);
        var gateway = await gatewayProcess.ListeningAsync(TimeSpan.FromSeconds(60));
        await ClusterNode.WaitForMembersAsync(db, silos: 1, gateways: 1);

        const string cp = "CP-TRACE-1";
        await using (var charger = await OcppTestClient.ConnectAsync(new Uri($"ws://{gateway.Authority}/ocpp/{cp}")))
        {
            await charger.CallAsync("BootNotification", Ocpp16Payloads.Boot);
        }

        var root = await SpanAsync(gatewayReceiver, s => s.Name == "ocpp BootNotification" && s.Attribute("ocpp.charge_point.id") == cp, "the gateway's span of the BootNotification");
        var trace = root.TraceId;
        var client = await SpanAsync(gatewayReceiver, s => s.TraceId == trace && s.Name == "IChargePointGrain/HandleCallAsync", "the gateway's client span of the grain call");
        var grain = await SpanAsync(siloReceiver, s => s.TraceId == trace && s.Scope == "CsmsCluster.Grains" && s.Name == "IChargePointGrain/HandleCallAsync", "the grain call on the silo, in the gateway's trace");
        await SpanAsync(siloReceiver, s => s.TraceId == trace && s.ParentSpanId == grain.SpanId && s.Name.StartsWith("storage ", StringComparison.Ordinal), "a storage span under the grain call on the silo");
        Assert.Equal(root.SpanId, client.ParentSpanId);
        Assert.DoesNotContain(siloReceiver.Spans, s => s.SpanId == root.SpanId); // the root really was emitted by the gateway process
    }

    private static string[] Export(OtlpReceiver receiver) =>
        [$"Csms:Telemetry:OtlpEndpoint={receiver.BaseUri}", "Csms:Telemetry:ExportInterval=00:00:00.250"];

    private static async Task<OtlpSpan> SpanAsync(OtlpReceiver receiver, Func<OtlpSpan, bool> match, string what)
    {
        OtlpSpan? found = null;
        await Eventually.WaitAsync(() => (found = receiver.Spans.FirstOrDefault(match)) is not null, TimeSpan.FromSeconds(20), what);
        return found!;
    }
}
