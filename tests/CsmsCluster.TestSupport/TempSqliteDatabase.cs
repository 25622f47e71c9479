using Microsoft.Data.Sqlite;

namespace CsmsCluster.TestSupport;

/// <summary>A SQLite database file with a unique name under the temp directory, deleted (with its WAL files) on dispose.</summary>
public sealed class TempSqliteDatabase : IDisposable, IAsyncDisposable
{
    /// <summary>Reserves a unique file path; the file itself is created by the first connection.</summary>
    public TempSqliteDatabase()
    {
        var directory = Path.Combine(Path.GetTempPath(), "csms-tests");
        Directory.CreateDirectory(directory);
        FilePath = Path.Combine(directory, $"csms-{Guid.NewGuid():N}.db");
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = FilePath, Pooling = true }.ConnectionString;
    }

    /// <summary>The database file.</summary>
    public string FilePath { get; }

    /// <summary>A Microsoft.Data.Sqlite connection string for the file.</summary>
    public string ConnectionString { get; }

    /// <summary>Closes pooled connections to the file and deletes it.</summary>
    public void Dispose()
    {
        // Pooled connections keep the file open; clear them before deleting.
        using (var connection = new SqliteConnection(ConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            try
            {
                File.Delete(FilePath + suffix);
            }
            catch (IOException)
            {
                // Best effort: a leftover temp file is harmless and must not fail the test.
            }
        }
    }

    /// <inheritdoc cref="Dispose"/>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
