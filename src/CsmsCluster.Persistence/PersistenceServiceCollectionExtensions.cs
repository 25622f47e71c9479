using CsmsCluster.Grains;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CsmsCluster.Persistence;

/// <summary>Registers the persistence layer.</summary>
public static class PersistenceServiceCollectionExtensions
{
    /// <summary>
    /// Registers storage bound to the configuration section <c>Csms:Storage</c> (see <see cref="StorageOptions"/>):
    /// <see cref="IGrainStorage"/>, <see cref="ITransactionIdAllocator"/>, <see cref="IHistoryWriter"/>,
    /// <see cref="IHistoryQueries"/>, <see cref="IIdTagStore"/>, <see cref="IChargePointDirectory"/>,
    /// <see cref="IDatabaseMigrator"/>, <see cref="IStorageHealth"/>, and two hosted services: the schema migration
    /// (placed first and run in <c>StartingAsync</c>, so before any hosted service starts) and the history writer
    /// (which drains its queue when the host stops). Invalid settings fail with an
    /// <see cref="OptionsValidationException"/> naming the key.
    /// </summary>
    public static IServiceCollection AddCsmsPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName));
        return services.AddCsmsPersistenceCore();
    }

    /// <summary>Registers storage configured in code; otherwise like the <see cref="IConfiguration"/> overload.</summary>
    public static IServiceCollection AddCsmsPersistence(this IServiceCollection services, Action<StorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<StorageOptions>().Configure(configure);
        return services.AddCsmsPersistenceCore();
    }

    private static IServiceCollection AddCsmsPersistenceCore(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(StorageDatabase)))
        {
            return services; // already registered; a second call only added option settings
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.AddOptions<StorageOptions>().ValidateOnStart();
        services.AddSingleton(sp => StorageDatabase.Create(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddSingleton<IDatabaseMigrator, DatabaseMigrator>();
        services.AddSingleton<IStorageHealth, StorageHealth>();
        services.AddSingleton<IGrainStorage, SqlGrainStorage>();
        services.AddSingleton<ITransactionIdAllocator, TransactionIdAllocator>();
        services.AddSingleton<IHistoryQueries, HistoryQueries>();
        services.AddSingleton<IIdTagStore, SqlIdTagStore>();
        services.AddSingleton<ISecurityEventStore, SqlSecurityEventStore>();
        services.AddSingleton<IChargePointDirectory, SqlChargePointDirectory>();
        services.AddSingleton<Grains.Cluster.IMembershipStore, SqlMembershipStore>();
        services.AddSingleton<IHistoryBatchWriter>(sp => sp.GetRequiredService<StorageDatabase>() switch
        {
            PostgresStorageDatabase postgres => new PostgresHistoryBatchWriter(postgres),
            var other => new SqliteHistoryBatchWriter(other),
        });
        services.AddMetrics();
        services.AddSingleton<HistoryMetrics>();
        services.AddSingleton<HistoryWriter>();
        services.AddSingleton<IHistoryWriter>(sp => sp.GetRequiredService<HistoryWriter>());

        // The migration must precede every other hosted service; inserting it first also orders its StartingAsync
        // before other lifecycle services'. Stop order is the reverse of registration, so the history writer,
        // registered here, drains after hosted services added later (gateway, grains) have stopped producing.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, DatabaseMigrationHostedService>());
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<HistoryWriter>());
        return services;
    }
}
