using System.Text.RegularExpressions;

namespace CsmsCluster.Server.Tests;

/// <summary>
/// One run of tests/interop/conformance.mjs against one real server on SQLite, shared by the rows of
/// <see cref="ConformanceTests"/>: the server starts and the script runs every case once, on the first row that asks;
/// each row then reads its own case's line. Node.js starts once instead of once per case.
/// </summary>
public sealed partial class ConformanceRun : IAsyncDisposable
{
    /// <summary>Deadline of one run of the whole suite.</summary>
    public static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(150);

    /// <summary>
    /// The cases the theory runs: every case of conformance.mjs except its known issues (cases that fail against the
    /// current server; see tests/interop/README.md). <c>CaseList_MatchesTheScript</c> keeps this list in step.
    /// </summary>
    public static readonly IReadOnlyList<string> CaseIds =
    [
        "TC_001_CSMS", "TC_003_CSMS", "TC_004_1_CSMS", "TC_004_2_CSMS", "TC_005_1_CSMS", "TC_007_CSMS",
        "TC_023_1_CSMS", "TC_023_2_CSMS", "TC_023_3_CSMS", "TC_032_1_CSMS", "TC_037_1_CSMS", "TC_037_3_CSMS",
        "TC_039_CSMS", "TC_064_CSMS", "X_METER_VALUES_STORED", "X_TRANSACTION_REPLAY_IDEMPOTENT",
        "TC_010_CSMS", "TC_011_1_CSMS", "TC_011_2_CSMS", "TC_012_CSMS", "TC_013_CSMS", "TC_014_CSMS", "X_RESET_REJECTED",
        "TC_017_1_CSMS", "TC_017_2_CSMS", "TC_018_1_CSMS", "TC_030_CSMS", "TC_031_CSMS", "TC_026_CSMS", "TC_028_CSMS",
        "TC_059_CSMS", "X_REMOTE_START_TX_PROFILE_LISTED", "X_MESSAGES_BEFORE_BOOT", "X_STOP_UNKNOWN_TRANSACTION", "X_CONCURRENT_TX",
        "TC_019_1_CSMS", "TC_019_2_CSMS", "TC_021_CSMS", "X_CHANGE_CONFIGURATION_REBOOT_REQUIRED", "TC_040_1_CSMS",
        "TC_040_2_CSMS", "TC_061_CSMS", "X_DATA_TRANSFER_TO_CHARGE_POINT", "X_CHANGE_AVAILABILITY_ACCEPTED",
        "X_CHANGE_AVAILABILITY_SCHEDULED", "X_CHANGE_AVAILABILITY_REJECTED",
        "TC_042_1_CSMS", "TC_042_2_CSMS", "TC_043_1_CSMS", "TC_043_3_CSMS", "TC_043_4_CSMS", "TC_043_5_CSMS",
        "X_SEND_LOCAL_LIST_VERSION_MISMATCH",
        "TC_044_1_CSMS", "TC_044_2_CSMS", "TC_044_3_CSMS", "TC_045_1_CSMS", "TC_045_2_CSMS",
        "TC_046_CSMS", "TC_047_CSMS", "TC_048_1_CSMS", "TC_048_2_CSMS", "TC_048_3_CSMS", "TC_048_4_CSMS", "TC_049_CSMS",
        "TC_051_CSMS", "TC_052_CSMS", "TC_053_CSMS",
        "TC_054_CSMS", "TC_055_CSMS", "X_EXTENDED_TRIGGER_MESSAGE",
        "TC_056_CSMS", "TC_057_CSMS", "X_SET_CHARGING_PROFILE_REJECTED", "TC_066_CSMS", "TC_067_CSMS",
        "TC_074_CSMS", "TC_077_CSMS", "TC_075_1_CSMS", "TC_075_2_CSMS", "TC_076_CSMS", "X_DELETE_CERTIFICATE_FAILED_NOT_FOUND",
        "X_CERTIFICATE_SIGNED_PASSTHROUGH", "TC_078_CSMS", "TC_079_CSMS", "TC_080_CSMS", "TC_081_CSMS",
        "X_SIGNED_UPDATE_FIRMWARE_INVALID_CERTIFICATE", "TC_085_CSMS", "TC_088_CSMS",
        "X_ERR_CALLERROR_502", "X_ERR_TIMEOUT_504", "X_ERR_SCHEMA_422", "X_ERR_UNKNOWN_CHARGER_404", "X_ERR_UNKNOWN_ACTION_404",
        "X_ERR_OFFLINE_409", "X_ERR_MALFORMED_FRAME", "X_ERR_UNKNOWN_ACTION", "X_ERR_SCHEMA_INVALID_PAYLOAD",
    ];

    private readonly SemaphoreSlim _gate = new(1, 1);
    private TestDatabase? _database;
    private CsmsTestServer? _server;
    private Outcome? _outcome;

    /// <summary>The outcome of the suite on the shared SQLite server, running it on the first call.</summary>
    public async Task<Outcome> SqliteOutcomeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_outcome is null)
            {
                _database = await TestDatabase.CreateAsync(StorageKind.Sqlite);
                _server = await CsmsTestServer.StartAsync(_database);
                _outcome = await RunAsync(_server, CaseIds, CancellationToken.None);
            }

            return _outcome;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Runs conformance.mjs with the given cases (all but the known issues when empty) against a server.</summary>
    public static async Task<Outcome> RunAsync(CsmsTestServer server, IEnumerable<string> caseIds, CancellationToken cancellationToken)
    {
        var (node, interop) = Prerequisites();
        var args = new List<string>
        {
            "--ws", $"ws://{server.BaseUri.Authority}/ocpp",
            "--api", server.BaseUri.ToString(),
            "--token", CsmsTestServer.AdminToken,
            "--parallel", "4",
            "--timeout", ((int)(RunTimeout - TimeSpan.FromSeconds(10)).TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var id in caseIds)
        {
            args.Add("--case");
            args.Add(id);
        }

        var result = await NodeProcess.RunAsync(node, interop, "conformance.mjs", args, RunTimeout, cancellationToken);
        var lines = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match match in CaseLine().Matches(result.StandardOutput))
        {
            lines[match.Groups["id"].Value] = match.Value.TrimEnd();
        }

        return new Outcome(result, lines);
    }

    /// <summary>The node executable and the tests/interop directory, with a clear failure when either is missing.</summary>
    public static (string Node, string InteropDirectory) Prerequisites()
    {
        var interop = Path.Combine(NodeProcess.RepositoryRoot(), "tests", "interop");
        var node = NodeProcess.FindNode();
        Assert.True(node is not null, "Node.js (node) is not on PATH; the conformance suite needs Node.js 20 or later (apt-get install nodejs npm).");
        Assert.True(
            Directory.Exists(Path.Combine(interop, "node_modules", "ocpp-rpc")),
            $"{Path.Combine(interop, "node_modules", "ocpp-rpc")} is missing: run npm ci in tests/interop (scripts/test.sh does this).");
        return (node!, interop);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        _gate.Dispose();
    }

    /// <summary>How one run ended, with the PASS/FAIL line of each case it reported, by case id.</summary>
    public sealed record Outcome(NodeResult Result, IReadOnlyDictionary<string, string> Lines)
    {
        /// <summary>Whether the case's line says PASS.</summary>
        public bool Passed(string caseId) => Lines.TryGetValue(caseId, out var line) && line == $"PASS {caseId}";

        /// <summary>The case's line, or a note that the run printed none.</summary>
        public string LineOf(string caseId) => Lines.TryGetValue(caseId, out var line) ? line : $"(no line for {caseId})";
    }

    [GeneratedRegex(@"^(?:PASS (?<id>\S+)|FAIL (?<id>\S+?):.*)$", RegexOptions.Multiline)]
    private static partial Regex CaseLine();
}
