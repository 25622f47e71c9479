using System.Security.Cryptography;
using Npgsql;

namespace CsmsCluster.TestSupport;

/// <summary>
/// A fresh, uniquely named database on the test PostgreSQL server named by <c>CSMS_TEST_POSTGRES</c>, dropped on
/// dispose. Never skips silently: without a server it fails with instructions.
/// </summary>
public sealed class PostgresTestDatabase : IAsyncDisposable
{
    /// <summary>The environment variable holding an Npgsql connection string of a superuser on the test server.</summary>
    public const string EnvironmentVariable = "CSMS_TEST_POSTGRES";

    private readonly string _serverConnectionString;
    private int _disposed;

    private PostgresTestDatabase(string serverConnectionString, string name, string connectionString)
    {
        _serverConnectionString = serverConnectionString;
        Name = name;
        ConnectionString = connectionString;
    }

    /// <summary>The database name (<c>csms_t_</c> followed by random hex).</summary>
    public string Name { get; }

    /// <summary>An Npgsql connection string for this database.</summary>
    public string ConnectionString { get; }

    /// <summary>Creates the database.</summary>
    /// <exception cref="InvalidOperationException"><c>CSMS_TEST_POSTGRES</c> is not set.</exception>
    public static async Task<PostgresTestDatabase> CreateAsync(CancellationToken cancellationToken = default)
    {
        var server = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                "PostgreSQL tests need a server: run ./scripts/test.sh, which starts one, or set CSMS_TEST_POSTGRES " +
                "to an Npgsql connection string of a superuser");
        }

        var name = "csms_t_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new PostgresTestDatabase(server, name, builder.ConnectionString);
    }

    /// <summary>Drops the database, terminating any connection still open to it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await using (var own = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(own);
        }

        await using var connection = new NpgsqlConnection(_serverConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
