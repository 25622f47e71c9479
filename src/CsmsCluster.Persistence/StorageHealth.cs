using Microsoft.Extensions.Logging;

namespace CsmsCluster.Persistence;

/// <summary>Answers readiness with a <c>SELECT 1</c> on a pooled connection.</summary>
internal sealed class StorageHealth(StorageDatabase database, ILogger<StorageHealth> logger) : IStorageHealth
{
    public async Task<bool> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await database.OpenConnectionAsync(cancellationToken);
            await using var command = connection.CreateCommand("SELECT 1");
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 1;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            PersistenceLog.HealthCheckFailed(logger, ex);
            return false;
        }
    }
}
