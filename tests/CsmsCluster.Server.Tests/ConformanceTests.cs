namespace CsmsCluster.Server.Tests;

/// <summary>
/// Black-box OCPP 1.6 conformance: tests/interop/conformance.mjs drives a real server with ocpp-rpc in strict mode
/// (every message in both directions validated against the official schemas), in both directions through OCPP and the
/// HTTP API, and checks the resulting state through the API. One row per case, named after the OCA OCPP 1.6 CSMS test
/// case (TC_xxx_CSMS) or X_ where no public test case exists; see tests/interop/README.md for what each checks.
/// </summary>
public sealed class ConformanceTests(ConformanceRun run) : IClassFixture<ConformanceRun>
{
    public static TheoryData<string> Cases => [.. ConformanceRun.CaseIds];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Case_AgainstTheServerOnSqlite_Passes(string caseId)
    {
        var outcome = await run.SqliteOutcomeAsync().WaitAsync(ConformanceRun.RunTimeout + TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        Assert.True(outcome.Passed(caseId), $"{outcome.LineOf(caseId)}\n\nwhole run: {outcome.Result}");
    }

    [Fact]
    public async Task AllCases_AgainstTheServerOnPostgres_Pass()
    {
        await using var db = await TestDatabase.CreateAsync(StorageKind.Postgres);
        await using var server = await CsmsTestServer.StartAsync(db);

        var outcome = await ConformanceRun.RunAsync(server, ConformanceRun.CaseIds, TestContext.Current.CancellationToken);

        var failed = ConformanceRun.CaseIds.Where(id => !outcome.Passed(id)).Select(outcome.LineOf).ToList();
        Assert.True(failed.Count == 0 && outcome.Result.ExitCode == 0, $"{string.Join('\n', failed)}\n\nwhole run: {outcome.Result}");
    }

    [Fact]
    public async Task CaseList_MatchesTheScript()
    {
        var (node, interop) = ConformanceRun.Prerequisites();

        var result = await NodeProcess.RunAsync(node, interop, "conformance.mjs", ["--list"], TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == 0, $"conformance.mjs --list failed: {result}");
        var listed = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => !line.EndsWith("(known issue)", StringComparison.Ordinal))
            .Select(line => line.Split('\t')[0])
            .ToList();
        Assert.Equal(listed.Order(StringComparer.Ordinal), ConformanceRun.CaseIds.Order(StringComparer.Ordinal));
    }
}
