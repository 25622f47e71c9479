using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using CsmsCluster.Simulator;
using Npgsql;

namespace CsmsCluster.Bench.Load;

/// <summary>
/// S5: three silos and a gateway, each its own server process on one PostgreSQL database, carry the fleet's
/// transactions under open-loop MeterValues; one silo is killed with SIGKILL in the middle of the window. Chargers
/// retry a transaction message that got no CALLRESULT (OCPP 1.6 §4.6) until it is acknowledged; afterwards every
/// acknowledged meter value and transaction is looked up in the database.
/// </summary>
public static class ClusterScenario
{
    /// <summary>A CALL answered later than this after its scheduled time counts as disturbed by the kill.</summary>
    public static readonly TimeSpan Late = TimeSpan.FromSeconds(1);

    // The defaults of ClusterMembershipOptions (production timing): S5's bound is lease + 3 s.
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(2);
    private const string IdTag = "S5TAG";
    private static readonly string[] NodeNames = ["silo-1", "silo-2", "silo-3", "gateway-1"];
    private const string Prefix = "S5CP";
    private static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Runs S5 with a fresh cluster and database at <paramref name="rate"/> CALL/s.</summary>
    public static async Task<ClusterResult> RunAsync(BenchOptions options, double rate)
    {
        ArgumentNullException.ThrowIfNull(options);
        var server = Environment.GetEnvironmentVariable("CSMS_TEST_POSTGRES")
            ?? throw new InvalidOperationException("S5 needs PostgreSQL: run it through bench/CsmsCluster.Bench.Load/run.sh, which starts a throwaway server.");
        var database = $"csms_s5_{Guid.NewGuid():N}";
        await ExecuteAsync(server, $"CREATE DATABASE {database}");
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        var nodes = new List<TargetProcess>();
        try
        {
            nodes.Add(await StartNodeAsync(options, "silo", "silo-1", connectionString));
            nodes.Add(await StartNodeAsync(options, "silo", "silo-2", connectionString));
            nodes.Add(await StartNodeAsync(options, "silo", "silo-3", connectionString));
            var gateway = await StartNodeAsync(options, "gateway", "gateway-1", connectionString);
            nodes.Add(gateway);
            await WaitForMembersAsync(connectionString, silos: 3, gateways: 1);
            await RegisterIdTagAsync(gateway);

            var (fleet, connectSeconds) = await Fleets.ConnectAsync(gateway.OcppBase, options, Prefix);
            Console.WriteLine($"S5 {options.Chargers} chargers connected through the gateway in {connectSeconds:0.0} s");
            await using (fleet)
            {
                var runs = await StartTransactionsAsync(fleet);
                Console.WriteLine($"S5 {runs.Length} transactions started");
                var killed = nodes[1];
                var survivors = new ClusterSurvivors(nodes, NodeNames);
                var (calls, killedAt, cpu, steal) = await DriveAsync(runs, options, rate, nodes, survivors, () =>
                {
                    killed.Kill();
                    survivors.Killed(1);
                });
                foreach (var run in runs)
                {
                    await StopTransactionAsync(run);
                }

                // Acknowledged means stored: nothing needs to settle before the lookup.
                var stored = await StoredAsync(connectionString);
                var result = Summarise(rate, options, runs, calls, killedAt, stored) with
                {
                    CpuBeforeKill = [.. NodeNames.Zip(cpu)],
                    StealBeforeKillPercent = steal,
                };
                await fleet.StopAsync(TimeSpan.FromSeconds(30));
                Console.WriteLine($"S5 every charger served again {result.ServedAgainSeconds:0.00} s after the kill (bound {result.BoundSeconds:0} s), backlog answered after {result.OutageSeconds:0.00} s, {result.AffectedChargers} chargers affected, "
                    + $"{result.MissingMeterValues} acknowledged meter values missing, {result.MissingTransactions} transactions missing");
                return result;
            }
        }
        finally
        {
            for (var i = 0; i < nodes.Count; i++)
            {
                if (options.LogsDirectory is { } logs && File.Exists(Path.Combine(nodes[i].Directory, "out.log")))
                {
                    Directory.CreateDirectory(logs);
                    File.Copy(Path.Combine(nodes[i].Directory, "out.log"), Path.Combine(logs, $"s5-{rate:0}-{NodeNames[i]}.log"), overwrite: true);
                }

                nodes[i].Dispose();
            }

            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
    }

    private static Task<TargetProcess> StartNodeAsync(BenchOptions options, string role, string name, string connectionString) =>
        TargetProcess.StartAsync(TargetKind.Csms, options, options.ServerCpu, new Dictionary<string, string>
        {
            ["Csms:Role"] = role,
            ["Csms:Storage:Provider"] = "postgres",
            ["Csms:Storage:ConnectionString"] = connectionString,
            ["Csms:Cluster:SiloId"] = $"{name}-{Environment.ProcessId}",
            ["Csms:Cluster:Address"] = "127.0.0.1",
            ["Csms:Cluster:ListenAddress"] = "127.0.0.1",
            // The product's admission defaults (as S3): four processes share one core here, and a gateway that took
            // upgrades unthrottled would spend seconds with its thread pool queued up behind them.
            ["Csms:Ocpp:MaxConnections"] = "30000",
        });

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task WaitForMembersAsync(string connectionString, int silos, int gateways)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var ready = await Fleets.WaitAsync(
            () =>
            {
                using var command = new NpgsqlCommand(
                    """
                    SELECT count(*) FILTER (WHERE role = 'silo'), count(*) FILTER (WHERE role = 'gateway'),
                           count(*) FILTER (WHERE ack_version < (SELECT version FROM membership_cluster c WHERE c.service = s.service))
                    FROM membership_silos s WHERE status = 1
                    """, connection);
                using var reader = command.ExecuteReader();
                reader.Read();
                return reader.GetInt64(0) == silos && reader.GetInt64(1) == gateways && reader.GetInt64(2) == 0;
            },
            TimeSpan.FromSeconds(60));
        if (!ready)
        {
            throw new TimeoutException($"{silos} silos and {gateways} gateway were not Active within 60 s.");
        }
    }

    private static async Task RegisterIdTagAsync(TargetProcess gateway)
    {
        using var http = new HttpClient { BaseAddress = gateway.HttpBase };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TargetProcess.AdminToken);
        using var body = new StringContent("""{"status":"Accepted"}""", Encoding.UTF8, "application/json");
        using var response = await http.PutAsync(new Uri($"api/v1/idtags/{IdTag}", UriKind.Relative), body);
        response.EnsureSuccessStatusCode();
    }

    private static async Task<ChargerRun[]> StartTransactionsAsync(Fleet fleet)
    {
        var runs = new ChargerRun[fleet.Chargers.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, runs.Length), new ParallelOptions { MaxDegreeOfParallelism = 256 }, async (i, _) =>
        {
            var charger = fleet.Chargers[i];
            var reply = await RetryAsync(charger, "StartTransaction", 0L, static (w, _) =>
            {
                w.WriteNumber("connectorId", 1);
                w.WriteString("idTag", IdTag);
                w.WriteNumber("meterStart", 0);
                w.WriteString("timestamp", OcppTime.Format(Epoch));
            });
            var id = reply.Payload.GetProperty("transactionId").GetInt32();
            runs[i] = new ChargerRun(charger, id);
        });
        return runs;
    }

    private static Task StopTransactionAsync(ChargerRun run) =>
        RetryAsync(run.Charger, "StopTransaction", run, static (w, r) =>
        {
            w.WriteNumber("transactionId", r.TransactionId);
            w.WriteNumber("meterStop", r.Sequence * 10L);
            w.WriteString("timestamp", OcppTime.Format(Epoch.AddDays(1)));
        });

    /// <summary>
    /// Open loop at <paramref name="rate"/>: message k goes to charger k mod N at start + k/rate. A warm-up, then the
    /// measured window, with <paramref name="kill"/> called after its first third (the rest shows the recovery and at
    /// least a few rounds of every charger served normally again). Also returns each node's CPU (% of one core) from
    /// the end of the warm-up to the kill.
    /// </summary>
    private static async Task<(ConcurrentBag<CallRecord> Calls, long KilledAt, double[] Cpu, double Steal)> DriveAsync(
        ChargerRun[] runs, BenchOptions options, double rate, IReadOnlyList<TargetProcess> nodes, ClusterSurvivors survivors, Action kill)
    {
        var calls = new ConcurrentBag<CallRecord>();
        var window = options.Warmup + options.ClusterWindow;
        var killAfter = options.Warmup + (options.ClusterWindow / 3);
        var total = (long)(rate * window.TotalSeconds);
        var sends = new List<Task>((int)total);
        var start = Stopwatch.GetTimestamp();
        var ticksPerMessage = Stopwatch.Frequency / rate;
        long killedAt = 0;
        long k = 0;
        double[]? warm = null;
        var warmMachine = default(CpuTimes);
        var steal = 0.0;
        long warmAt = 0;
        var cpu = new double[nodes.Count];
        while (k < total)
        {
            var now = Stopwatch.GetTimestamp();
            if (warm is null && Stopwatch.GetElapsedTime(start, now) >= options.Warmup)
            {
                warm = [.. nodes.Select(n => n.CpuSeconds())];
                warmMachine = CpuTimes.Read();
                warmAt = now;
            }

            if (killedAt == 0 && Stopwatch.GetElapsedTime(start, now) >= killAfter)
            {
                var seconds = Stopwatch.GetElapsedTime(warmAt, now).TotalSeconds;
                for (var i = 0; i < nodes.Count; i++)
                {
                    cpu[i] = (nodes[i].CpuSeconds() - warm![i]) / seconds * 100;
                }

                steal = CpuTimes.Read().StealPercentSince(warmMachine);

                kill();
                killedAt = Stopwatch.GetTimestamp();
                Console.WriteLine("S5 silo-2 killed (SIGKILL)");
            }

            while (k < total && start + (long)(k * ticksPerMessage) <= now)
            {
                var scheduled = start + (long)(k * ticksPerMessage);
                sends.Add(SendAsync(runs[(int)(k % runs.Length)], scheduled));
                k++;
            }

            survivors.ThrowIfOneDied();
            await Task.Delay(1);
        }

        // A node that died besides the killed one leaves its chargers' calls retrying for minutes: stop at once instead.
        var all = Task.WhenAll(sends);
        while (!all.IsCompleted)
        {
            await Task.WhenAny(all, Task.Delay(200));
            survivors.ThrowIfOneDied();
        }

        await all;
        return (calls, killedAt, cpu, steal);

        async Task SendAsync(ChargerRun run, long scheduled)
        {
            var sequence = run.Next();
            var attempts = 0;
            var reply = await RetryAsync(run.Charger, "MeterValues", (run.TransactionId, sequence), static (w, s) =>
            {
                w.WriteNumber("connectorId", 1);
                w.WriteNumber("transactionId", s.TransactionId);
                w.WriteStartArray("meterValue");
                w.WriteStartObject();
                w.WriteString("timestamp", OcppTime.Format(Epoch.AddSeconds(s.sequence)));
                w.WriteStartArray("sampledValue");
                w.WriteStartObject();
                w.WriteString("value", (s.sequence * 10L).ToString(CultureInfo.InvariantCulture));
                w.WriteString("measurand", "Energy.Active.Import.Register");
                w.WriteString("unit", "Wh");
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndArray();
            }, () => attempts++);
            var answered = Stopwatch.GetTimestamp();
            run.Acknowledged.Add(sequence);
            calls.Add(new CallRecord(run.Charger.Index, scheduled, answered, attempts));
        }
    }

    // A transaction message without a CALLRESULT (CALLERROR, timeout, socket gone) is sent again with the same
    // content after 200 ms, as a charger does, until it is acknowledged; the open-loop latency keeps counting.
    private static async Task<CallReply> RetryAsync<TState>(SimulatedCharger charger, string action, TState state, Action<System.Text.Json.Utf8JsonWriter, TState> payload, Action? attempt = null)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            attempt?.Invoke();
            var reply = await charger.CallAsync(action, state, payload);
            if (reply.Outcome == CallOutcome.Result)
            {
                return reply;
            }

            if (clock.Elapsed > TimeSpan.FromMinutes(3))
            {
                throw new TimeoutException($"{charger.Id}: {action} not acknowledged within 3 minutes (last outcome {reply.Outcome}).");
            }

            await Task.Delay(200);
        }
    }

    private static async Task<(HashSet<(string, long)> MeterValues, long Rows, Dictionary<int, bool> Transactions)> StoredAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var meterValues = new HashSet<(string, long)>();
        long rows = 0;
        await using (var command = new NpgsqlCommand($"SELECT charge_point_id, timestamp FROM meter_values WHERE charge_point_id LIKE '{Prefix}%'", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rows++;
                var seconds = (long)(reader.GetFieldValue<DateTimeOffset>(1) - Epoch).TotalSeconds;
                meterValues.Add((reader.GetString(0), seconds));
            }
        }

        var transactions = new Dictionary<int, bool>();
        await using (var command = new NpgsqlCommand($"SELECT id, start_time IS NOT NULL AND stop_time IS NOT NULL FROM transactions WHERE charge_point_id LIKE '{Prefix}%'", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                transactions[reader.GetInt32(0)] = reader.GetBoolean(1);
            }
        }

        return (meterValues, rows, transactions);
    }

    private static ClusterResult Summarise(
        double rate, BenchOptions options, ChargerRun[] runs, ConcurrentBag<CallRecord> calls, long killedAt, (HashSet<(string, long)> MeterValues, long Rows, Dictionary<int, bool> Transactions) stored)
    {
        static double Seconds(long from, long to) => (to - from) / (double)Stopwatch.Frequency;
        var late = (long)(Late.TotalSeconds * Stopwatch.Frequency);
        var disturbed = calls.Where(c => c.Attempts > 1 || c.Answered - c.Scheduled > late).ToList();
        var before = disturbed.Where(c => c.Answered < killedAt).ToList();
        var after = disturbed.Where(c => c.Answered >= killedAt).ToList();
        var outageEnd = after.Count == 0 ? killedAt : after.Max(c => c.Answered);
        // A charger sends one CALL at a time: the first of its disturbed CALLs to be answered is the one the kill held
        // up, and its answer is the moment the charger is served again (the rest is its backlog).
        var servedAgain = after.Count == 0 ? killedAt : after.GroupBy(c => c.Index).Max(g => g.Min(c => c.Answered));
        // Served on time afterwards: every charger with a CALL scheduled after the outage ended has one answered on time
        // (at a low rate a charger may have nothing scheduled in the rest of the window; it is not counted either way).
        var calledAfter = calls.Where(c => c.Scheduled >= outageEnd).Select(c => c.Index).Distinct().Count();
        var servedAfter = calls.Where(c => c.Scheduled >= outageEnd && c.Attempts == 1 && c.Answered - c.Scheduled <= late).Select(c => c.Index).ToHashSet();
        var acknowledged = runs.Sum(r => (long)r.Acknowledged.Count);
        var missing = runs.Sum(r => r.Acknowledged.Count(s => !stored.MeterValues.Contains((r.Charger.Id, s))));
        var latencies = calls.Where(c => c.Answered < killedAt).Select(c => Seconds(c.Scheduled, c.Answered) * 1000).Order().ToArray();
        return new ClusterResult(
            Silos: 3,
            Gateways: 1,
            Chargers: runs.Length,
            Rate: rate,
            WindowSeconds: (options.Warmup + options.ClusterWindow).TotalSeconds,
            LeaseSeconds: Lease.TotalSeconds,
            MarginSeconds: Margin.TotalSeconds,
            Calls: calls.Count,
            Retries: calls.Sum(c => (long)c.Attempts - 1),
            DisturbedBeforeKill: before.Count,
            DisturbedAfterKill: after.Count,
            AffectedChargers: after.Select(c => c.Index).Distinct().Count(),
            ServedAgainSeconds: Seconds(killedAt, servedAgain),
            OutageSeconds: Seconds(killedAt, outageEnd),
            MaxLatencyAfterKillMs: after.Count == 0 ? 0 : after.Max(c => Seconds(c.Scheduled, c.Answered)) * 1000,
            P99BeforeKillMs: latencies.Length == 0 ? double.NaN : latencies[Math.Clamp((int)Math.Ceiling(0.99 * latencies.Length) - 1, 0, latencies.Length - 1)],
            ChargersCalledAfterOutage: calledAfter,
            ChargersServedAfterOutage: servedAfter.Count,
            AcknowledgedMeterValues: acknowledged,
            StoredMeterValueRows: stored.Rows,
            MissingMeterValues: missing,
            Transactions: runs.Length,
            MissingTransactions: runs.Count(r => !stored.Transactions.ContainsKey(r.TransactionId)),
            IncompleteTransactions: runs.Count(r => stored.Transactions.TryGetValue(r.TransactionId, out var complete) && !complete))
        {
            RecoveryTimeline = [.. after.GroupBy(c => (int)Seconds(killedAt, c.Answered)).OrderBy(g => g.Key).Select(g => (g.Key, g.Count()))],
        };
    }

    private sealed class ChargerRun(SimulatedCharger charger, int transactionId)
    {
        private long _sequence;

        public SimulatedCharger Charger { get; } = charger;

        public int TransactionId { get; } = transactionId;

        public long Sequence => Interlocked.Read(ref _sequence);

        /// <summary>The sequence numbers (seconds after the epoch, the meter value's timestamp) that were acknowledged.</summary>
        public ConcurrentBag<long> Acknowledged { get; } = [];

        public long Next() => Interlocked.Increment(ref _sequence);
    }

    private readonly record struct CallRecord(int Index, long Scheduled, long Answered, int Attempts);
}
