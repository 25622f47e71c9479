using System.Text.Json;
using System.Text.RegularExpressions;
using CsmsCluster.TestSupport;

namespace CsmsCluster.Server.Tests;

/// <summary>
/// Interoperability with an independent OCPP-J implementation: tests/interop/charger.mjs drives a full session with
/// the npm package ocpp-rpc in strict mode, which validates every message in both directions against the official
/// OCPP 1.6 schemas, and sends CSMS-initiated calls through the HTTP API while connected. A pass means every
/// response and every CALL the CSMS sent was schema-valid.
/// </summary>
public sealed partial class InteropTests
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(90);

    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task OcppRpcStrictClient_FullSessionAndCsmsCalls_AllValid(StorageKind kind)
    {
        var root = NodeProcess.RepositoryRoot();
        var interop = Path.Combine(root, "tests", "interop");
        var node = NodeProcess.FindNode();
        Assert.True(node is not null, "Node.js (node) is not on PATH; the interop test needs Node.js 20 or later (apt-get install nodejs npm).");
        Assert.True(
            Directory.Exists(Path.Combine(interop, "node_modules", "ocpp-rpc")),
            $"{Path.Combine(interop, "node_modules", "ocpp-rpc")} is missing: run npm ci in tests/interop (scripts/test.sh does this).");

        await using var db = await TestDatabase.CreateAsync(kind);
        await using var server = await CsmsTestServer.StartAsync(db);
        var cp = $"IOP-{kind}-{Guid.NewGuid():N}"[..24];
        var tag = $"IOP{Guid.NewGuid():N}"[..16];
        await server.Api.PutIdTagAsync(tag, "Accepted");

        var result = await NodeProcess.RunAsync(
            node!,
            interop,
            "charger.mjs",
            [
                "--ws", $"ws://{server.BaseUri.Authority}/ocpp",
                "--id", cp,
                "--api", server.BaseUri.ToString(),
                "--token", CsmsTestServer.AdminToken,
                "--idtag", tag,
                "--timeout", "60000",
            ],
            RunTimeout,
            TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == 0, $"The ocpp-rpc strict-mode charger failed: {result}");
        Assert.Contains("PASS all steps", result.StandardOutput, StringComparison.Ordinal);
        var match = TransactionIdLine().Match(result.StandardOutput);
        Assert.True(match.Success, $"The charger printed no TRANSACTION_ID line: {result}");
        var txId = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        // What the charger sent is stored as sent.
        var tx = await server.Api.GetJsonAsync($"/api/v1/transactions/{txId}");
        Assert.Equal(txId, tx.GetProperty("id").GetInt32());
        Assert.Equal(cp, tx.GetProperty("chargePointId").GetString());
        Assert.Equal(1, tx.GetProperty("connectorId").GetInt32());
        Assert.Equal(tag, tx.GetProperty("idTag").GetString());
        Assert.Equal(12000, tx.GetProperty("meterStart").GetInt64());
        Assert.Equal(19250, tx.GetProperty("meterStop").GetInt64());
        Assert.Equal(7250, tx.GetProperty("energyWh").GetInt64());
        Assert.Equal("EVDisconnected", tx.GetProperty("stopReason").GetString());

        // Two meterValue elements from MeterValues plus two from StopTransaction.transactionData, ordered by time.
        var meterValues = tx.GetProperty("meterValues");
        Assert.Equal(4, meterValues.GetArrayLength());
        Assert.Equal("Transaction.Begin", meterValues[0].GetProperty("sampledValue")[0].GetProperty("context").GetString());
        Assert.Equal("12000", meterValues[0].GetProperty("sampledValue")[0].GetProperty("value").GetString());
        var periodic = meterValues[1].GetProperty("sampledValue");
        Assert.Equal(7, periodic.GetArrayLength());
        Assert.Equal("14400", periodic[0].GetProperty("value").GetString());
        Assert.Equal("Energy.Active.Import.Register", periodic[0].GetProperty("measurand").GetString());
        Assert.Equal("Outlet", periodic[0].GetProperty("location").GetString());
        Assert.Equal("Raw", periodic[0].GetProperty("format").GetString());
        Assert.Equal("Sample.Periodic", periodic[0].GetProperty("context").GetString());
        Assert.Equal("Current.Import", periodic[1].GetProperty("measurand").GetString());
        Assert.Equal("L1", periodic[1].GetProperty("phase").GetString());
        Assert.Equal("A", periodic[1].GetProperty("unit").GetString());
        Assert.Equal("L1-N", periodic[3].GetProperty("phase").GetString());
        Assert.Equal("Percent", periodic[6].GetProperty("unit").GetString());
        Assert.Equal("16800", meterValues[2].GetProperty("sampledValue")[0].GetProperty("value").GetString());
        Assert.Equal("Transaction.End", meterValues[3].GetProperty("sampledValue")[0].GetProperty("context").GetString());
        Assert.Equal("19250", meterValues[3].GetProperty("sampledValue")[0].GetProperty("value").GetString());

        var list = await server.Api.GetJsonAsync($"/api/v1/transactions?chargePointId={cp}");
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.Equal(txId, list.GetProperty("items")[0].GetProperty("id").GetInt32());

        var view = await server.Api.GetJsonAsync($"/api/v1/chargepoints/{cp}");
        Assert.Equal("InteropVendor", view.GetProperty("boot").GetProperty("vendor").GetString());
        Assert.Equal("OcppRpc-1", view.GetProperty("boot").GetProperty("model").GetString());
        Assert.Equal("IOP-0001", view.GetProperty("boot").GetProperty("serialNumber").GetString());
        Assert.Equal("ocpp1.6", view.GetProperty("ocppVersion").GetString());
        var connector = view.GetProperty("connectors").EnumerateArray().Single(c => c.GetProperty("connectorId").GetInt32() == 1);
        Assert.Equal("Available", connector.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, connector.GetProperty("transactionId").ValueKind);

        // The charger closed its socket at the end of the run.
        await Eventually.WaitAsync(
            async () => !(await server.Api.GetJsonAsync($"/api/v1/chargepoints/{cp}")).GetProperty("connected").GetBoolean(),
            TimeSpan.FromSeconds(10),
            "the interop charger to show as disconnected after it closed its socket");
    }

    [GeneratedRegex(@"^TRANSACTION_ID=(\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex TransactionIdLine();
}
