using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CsmsCluster.Persistence;

/// <summary>Rejects storage settings the server cannot run with, naming the configuration key to fix.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var errors = new List<string>();
        if (!options.IsSqlite && !options.IsPostgres)
        {
            errors.Add($"Csms:Storage:Provider '{options.Provider}' is not supported; use '{StorageOptions.SqliteProvider}' (default) or '{StorageOptions.PostgresProvider}'.");
        }
        else if (options.IsPostgres && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            errors.Add("Csms:Storage:ConnectionString is required when Csms:Storage:Provider is 'postgres' (an Npgsql connection string, e.g. 'Host=db;Database=csms;Username=csms;Password=...').");
        }
        else if (ParseError(options) is { } parseError)
        {
            errors.Add($"Csms:Storage:ConnectionString is not a valid {options.Provider} connection string: {parseError}");
        }

        if (string.IsNullOrWhiteSpace(options.ServiceId))
        {
            errors.Add("Csms:Storage:ServiceId must not be empty.");
        }

        if (options.HistoryQueueCapacity < 1 || options.HistoryMaxBatchSize < 1)
        {
            errors.Add("Csms:Storage:HistoryQueueCapacity and Csms:Storage:HistoryMaxBatchSize must be at least 1.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static string? ParseError(StorageOptions options)
    {
        try
        {
            // Only parse; the connection string can hold a password, so it is never echoed in the message.
            _ = options.IsPostgres
                ? new NpgsqlConnectionStringBuilder(options.EffectiveConnectionString).Host
                : new SqliteConnectionStringBuilder(options.EffectiveConnectionString).DataSource;
            return null;
        }
        catch (ArgumentException ex)
        {
            return ex.Message;
        }
    }
}
