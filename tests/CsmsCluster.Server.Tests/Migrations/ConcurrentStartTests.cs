using System.Net;
using System.Text.RegularExpressions;
using CsmsCluster.TestSupport;
using Npgsql;

namespace CsmsCluster.Server.Tests.Migrations;

/// <summary>Several nodes starting together on one empty PostgreSQL database migrate it once and all become ready.</summary>
public sealed partial class ConcurrentStartTests
{
    private const int Nodes = 3;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task ThreeNodes_StartingTogether_OnAnEmptyDatabase_MigrateOnce_AndAllBecomeReady()
    {
        await using var db = await PostgresTestDatabase.CreateAsync(TestContext.Current.CancellationToken);
        var migrations = Directory.GetFiles(Path.Combine(NodeProcess.RepositoryRoot(), "src", "CsmsCluster.Persistence", "Migrations", "postgres"), "*.sql").Length;
        var nodes = new List<ServerProcess>();
        try
        {
            for (var i = 0; i < Nodes; i++)
            {
                nodes.Add(ServerProcess.Start(
                    "Csms:Storage:Provider=postgres",
                    $"Csms:Storage:ConnectionString={db.ConnectionString}",
                    "Logging:LogLevel:CsmsCluster.Persistence=Information"));
            }

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            foreach (var node in nodes)
            {
                var address = await node.ListeningAsync(Deadline);
                await Eventually.WaitAsync(
                    async () =>
                    {
                        using var ready = await http.GetAsync(new Uri(address, "/readyz"), TestContext.Current.CancellationToken);
                        return ready.StatusCode == HttpStatusCode.OK;
                    },
                    Deadline,
                    $"/readyz of the node at {address} to answer 200:\n{node.Output}");
            }

            var recorded = await AppliedVersionsAsync(db.ConnectionString);
            Assert.Equal(Enumerable.Range(1, migrations).Select(v => (v, 1L)), recorded);
            // Exactly one node applied them; the others found the schema current under the lock.
            var applied = nodes.Select(n => AppliedNow().Matches(n.Output).Sum(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();
            Assert.Equal(migrations, applied.Sum());
            Assert.Equal(1, applied.Count(a => a > 0));
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }

    private static async Task<List<(int Version, long Count)>> AppliedVersionsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("SELECT version, count(*) FROM schema_version GROUP BY version ORDER BY version", connection);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var rows = new List<(int, long)>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            rows.Add((reader.GetInt32(0), reader.GetInt64(1)));
        }

        return rows;
    }

    [GeneratedRegex(@"\((\d+) migrations applied now\)")]
    private static partial Regex AppliedNow();
}
