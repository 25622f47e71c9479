using System.Data.Common;
using System.Text.Json;
using CsmsCluster.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CsmsCluster.Cluster.Tests;

/// <summary>Reads the counters straight from the cluster's <c>grain_state</c> table (what the database holds, not what a grain says).</summary>
internal static class GrainStateTable
{
    public static async Task<Dictionary<string, int>> ReadCountersAsync(TestCluster cluster, CancellationToken cancellationToken)
    {
        await using DbConnection connection = cluster.Provider == StorageOptions.PostgresProvider
            ? new NpgsqlConnection(cluster.ConnectionString)
            : new SqliteConnection(cluster.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT grain_key, payload FROM grain_state WHERE grain_type = 'counter' AND payload IS NOT NULL";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new Dictionary<string, int>();
        while (await reader.ReadAsync(cancellationToken))
        {
            using var document = JsonDocument.Parse(reader.GetFieldValue<byte[]>(1));
            var count = document.RootElement.EnumerateObject().First(p => p.Name.Equals(nameof(CounterState.Count), StringComparison.OrdinalIgnoreCase));
            counts[reader.GetString(0)] = count.Value.GetInt32();
        }

        return counts;
    }
}
