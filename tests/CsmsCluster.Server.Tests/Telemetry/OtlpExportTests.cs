using CsmsCluster.TestSupport;

namespace CsmsCluster.Server.Tests.Telemetry;

/// <summary>
/// With an OTLP endpoint configured the server exports traces, metrics and logs over OTLP/HTTP, and one charger
/// message is one trace from the gateway through the grain call to storage.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class OtlpExportTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task ChargerMessage_IsOneTrace_FromGatewayThroughGrainToStorage(StorageKind kind)
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var db = await TestDatabase.CreateAsync(kind);
        await using var server = await CsmsTestServer.StartAsync(db, ExportSettings(receiver));
        var cp = $"OT-{Guid.NewGuid():N}"[..20];

        await using (var charger = await OcppTestClient.ConnectAsync(server.OcppUri(cp)))
        {
            await charger.CallAsync("BootNotification", Ocpp16Payloads.Boot);
            await charger.CallAsync("StartTransaction", Ocpp16Payloads.Start(1, "OTEL-TAG", 100, "2026-03-01T10:00:00Z"));
        }

        var gateway = await SpanAsync(receiver, s => s.Name == "ocpp StartTransaction" && s.Attribute("ocpp.charge_point.id") == cp, $"the gateway span of {cp}'s StartTransaction");
        Assert.Equal("CsmsCluster.Gateway", gateway.Scope);
        Assert.Equal(string.Empty, gateway.ParentSpanId); // each message is a trace of its own
        Assert.Equal("StartTransaction", gateway.Attribute("ocpp.action"));
        var trace = gateway.TraceId;

        var grain = await SpanAsync(receiver, s => s.TraceId == trace && s.ParentSpanId == gateway.SpanId && s.Scope == "CsmsCluster.Grains", "the grain call span, a child of the gateway span");
        Assert.Equal("IChargePointGrain/HandleCallAsync", grain.Name);
        var state = await SpanAsync(receiver, s => s.TraceId == trace && s.ParentSpanId == grain.SpanId && s.Name == "storage write", "the grain state write, a child of the grain call");
        var history = await SpanAsync(receiver, s => s.TraceId == trace && s.ParentSpanId == grain.SpanId && s.Name == "history write", "the history write, a child of the grain call");
        Assert.Equal("transaction_started", history.Attribute("csms.history.entry"));
        var commit = await SpanAsync(receiver, s => s.Name == "history commit" && s.LinkedTraceIds.Contains(trace), "the history batch span, linked to the message's trace");
        Assert.NotEqual(trace, commit.TraceId);
        if (kind == StorageKind.Postgres)
        {
            await SpanAsync(receiver, s => s.TraceId == trace && s.ParentSpanId == state.SpanId && s.Scope == "Npgsql", "an Npgsql command span under the grain state write");
        }

        Assert.Equal("csms-cluster", receiver.Resource.GetValueOrDefault("service.name"));
        Assert.Equal("all", receiver.Resource.GetValueOrDefault("csms.node.role"));
    }

    [Fact]
    public async Task Metrics_AndLogs_AreExported()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var db = await TestDatabase.CreateAsync(StorageKind.Sqlite);
        await using var server = await CsmsTestServer.StartAsync(db, ExportSettings(receiver));
        var cp = $"OM-{Guid.NewGuid():N}"[..20];
        await using var charger = await OcppTestClient.ConnectAsync(server.OcppUri(cp));
        await charger.CallAsync("BootNotification", Ocpp16Payloads.Boot);
        await charger.CallAsync("StartTransaction", Ocpp16Payloads.Start(1, "OTEL-TAG", 100, "2026-03-01T10:00:00Z"));
        (await server.Api.GetAsync(new Uri($"/api/v1/chargepoints/{cp}", UriKind.Relative), TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();

        string[] expected =
        [
            "csms.gateway.connections.open",
            "csms.gateway.messages.in",
            "csms.gateway.call.duration",
            "csms.grains.calls",
            "csms.grains.call.duration",
            "csms.grains.activations",
            "csms.grains.activations.active",
            "csms.history.queue.depth",
            "csms.history.commit.duration",
            "csms.transactions.active",
            "http.server.request.duration",
            "kestrel.active_connections",
            "dotnet.gc.collections",
        ];
        await Eventually.WaitAsync(
            () => expected.All(receiver.MetricNames.Contains),
            Deadline,
            $"metrics {string.Join(", ", expected.Except(receiver.MetricNames))} (received: {string.Join(", ", receiver.MetricNames.Order())})");
        await Eventually.WaitAsync(
            () => receiver.LogBodies.Any(b => b.Contains("CsmsCluster starting in role", StringComparison.Ordinal)),
            Deadline,
            "the start-up log record");
    }

    private static Dictionary<string, string?> ExportSettings(OtlpReceiver receiver) => new()
    {
        ["Csms:Telemetry:OtlpEndpoint"] = receiver.BaseUri.ToString(),
        ["Csms:Telemetry:ExportInterval"] = "00:00:00.250",
        // Information and up reach the exporter; the console keeps the tests' Warning level.
        ["Logging:OpenTelemetry:LogLevel:Default"] = "Information",
    };

    private static async Task<OtlpSpan> SpanAsync(OtlpReceiver receiver, Func<OtlpSpan, bool> match, string what)
    {
        OtlpSpan? found = null;
        await Eventually.WaitAsync(() => (found = receiver.Spans.FirstOrDefault(match)) is not null, Deadline, what);
        return found!;
    }
}
