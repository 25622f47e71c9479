namespace CsmsCluster.Persistence;

/// <summary>Where and how the CSMS stores its data. Bound from the configuration section <c>Csms:Storage</c>.</summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Csms:Storage";

    /// <summary>The value of <see cref="Provider"/> for the embedded SQLite database (single node).</summary>
    public const string SqliteProvider = "sqlite";

    /// <summary>The value of <see cref="Provider"/> for PostgreSQL (required for a cluster of several nodes).</summary>
    public const string PostgresProvider = "postgres";

    /// <summary>The connection string used for SQLite when <see cref="ConnectionString"/> is not set.</summary>
    public const string DefaultSqliteConnectionString = "Data Source=./data/csms.db";

    /// <summary>The database: <c>sqlite</c> (default) or <c>postgres</c>, compared case-insensitively.</summary>
    public string Provider { get; set; } = SqliteProvider;

    /// <summary>
    /// The ADO.NET connection string. Default for SQLite: <see cref="DefaultSqliteConnectionString"/> (the directory of
    /// a file path is created when missing). Required for PostgreSQL (an Npgsql connection string).
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Name of this deployment inside the database (the <c>service</c> column of grain state), so several
    /// deployments can share one database without seeing each other's grains. Default <c>csms</c>.
    /// </summary>
    public string ServiceId { get; set; } = "csms";

    /// <summary>
    /// How many history writes (transaction events, meter value messages) may wait for the background writer.
    /// When full, callers wait (back-pressure); nothing is dropped. Default 10,000.
    /// </summary>
    public int HistoryQueueCapacity { get; set; } = 10_000;

    /// <summary>The largest number of queued history writes committed in one database transaction. Default 1,000.</summary>
    public int HistoryMaxBatchSize { get; set; } = 1_000;

    /// <summary>How long a SQLite command waits for another connection's write lock before failing. Default 5 s.</summary>
    public TimeSpan SqliteBusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The connection string in effect: <see cref="ConnectionString"/>, or the SQLite default.</summary>
    public string EffectiveConnectionString =>
        string.IsNullOrWhiteSpace(ConnectionString) && IsSqlite ? DefaultSqliteConnectionString : ConnectionString ?? "";

    internal bool IsSqlite => string.Equals(Provider, SqliteProvider, StringComparison.OrdinalIgnoreCase);

    internal bool IsPostgres => string.Equals(Provider, PostgresProvider, StringComparison.OrdinalIgnoreCase);
}
