using CsmsCluster.Contracts;
using CsmsCluster.Domain.Certificates;
using CsmsCluster.Domain.ChargePoints;
using CsmsCluster.Domain.ChargePoints.Commands;
using CsmsCluster.Domain.ChargePoints.Core;
using CsmsCluster.Domain.ChargePoints.Firmware;
using CsmsCluster.Domain.ChargePoints.Security;
using CsmsCluster.Domain.Sites;
using CsmsCluster.Grains;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CsmsCluster.Domain;

/// <summary>DI wiring of the domain grains and their OCPP handlers.</summary>
public static class DomainServiceCollectionExtensions
{
    /// <summary>Registers the charge point grain, its state serialisation and the OCPP 1.6 Core handlers.</summary>
    public static IServiceCollection AddCsmsDomain(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ChargePointOptions>()
            .Bind(configuration.GetSection(ChargePointOptions.Section))
            .Validate(o => o.HeartbeatInterval >= TimeSpan.FromSeconds(1), "Csms:Ocpp:HeartbeatInterval must be at least 1 s.")
            .Validate(o => o.CallTimeout > TimeSpan.Zero, "Csms:Ocpp:CallTimeout must be positive.")
            .Validate(o => o.RecentTransactionCount >= 1, "Csms:Ocpp:RecentTransactionCount must be at least 1.")
            .ValidateOnStart();
        services.AddGrain<IChargePointGrain, ChargePointGrain>();
        services.AddOptions<SiteOptions>()
            .Bind(configuration.GetSection(SiteOptions.Section))
            .Validate(o => o.Cycle >= TimeSpan.FromSeconds(1), "Csms:SmartCharging:Cycle must be at least 1 s.")
            .Validate(o => o.Debounce >= TimeSpan.Zero && o.Settle >= TimeSpan.Zero && o.Hold >= TimeSpan.Zero, "Csms:SmartCharging times must not be negative.")
            .Validate(o => o.ProfileTimeout > TimeSpan.Zero, "Csms:SmartCharging:ProfileTimeout must be positive.")
            .Validate(o => o.StackLevel >= 0 && o.DeadBand >= 0, "Csms:SmartCharging:StackLevel and DeadBand must not be negative.")
            .ValidateOnStart();
        services.AddGrain<ISiteGrain, SiteGrain>();
        services.AddSingleton<SiteProfileSender>();
        services.AddSingleton<SiteMetrics>();
        services.AddOptions<CertificateAuthorityOptions>().Bind(configuration.GetSection(CertificateAuthorityOptions.Section));
        services.AddSingleton<ICertificateAuthority, LocalCertificateAuthority>();
        services.AddGrainJsonTypeInfo(ChargePointJsonContext.Default);
        services.AddGrainJsonTypeInfo(ContractsJsonContext.Default);

        // OCPP 1.6 Core profile, charger-initiated messages.
        services.AddSingleton<IChargerCallHandler, BootNotificationHandler>();
        services.AddSingleton<IChargerCallHandler, HeartbeatHandler>();
        services.AddSingleton<IChargerCallHandler, StatusNotificationHandler>();
        services.AddSingleton<IChargerCallHandler, AuthorizeHandler>();
        services.AddSingleton<IChargerCallHandler, StartTransactionHandler>();
        services.AddSingleton<IChargerCallHandler, StopTransactionHandler>();
        services.AddSingleton<IChargerCallHandler, MeterValuesHandler>();
        services.AddSingleton<IChargerCallHandler, DataTransferHandler>();
        // OCPP 1.6 Firmware Management and security extensions, charger-initiated.
        services.AddSingleton<IChargerCallHandler, FirmwareStatusNotificationHandler>();
        services.AddSingleton<IChargerCallHandler, DiagnosticsStatusNotificationHandler>();
        services.AddSingleton<IChargerCallHandler, SignedFirmwareStatusNotificationHandler>();
        services.AddSingleton<IChargerCallHandler, LogStatusNotificationHandler>();
        services.AddSingleton<IChargerCallHandler, SecurityEventNotificationHandler>();
        services.AddSingleton<IChargerCallHandler, SignCertificateHandler>();
        services.AddSingleton<ChargerCallHandlers>();

        // State that CSMS-initiated calls establish once the charger accepted them.
        services.AddSingleton<ICsmsCallObserver, GetConfigurationObserver>();
        services.AddSingleton<ICsmsCallObserver, ChangeConfigurationObserver>();
        services.AddSingleton<ICsmsCallObserver, SetChargingProfileObserver>();
        services.AddSingleton<ICsmsCallObserver, ClearChargingProfileObserver>();
        services.AddSingleton<ICsmsCallObserver, ReserveNowObserver>();
        services.AddSingleton<ICsmsCallObserver, CancelReservationObserver>();
        services.AddSingleton<ICsmsCallObserver, SendLocalListObserver>();
        services.AddSingleton<ICsmsCallObserver, GetLocalListVersionObserver>();
        services.AddSingleton<ICsmsCallObserver, ChangeAvailabilityObserver>();
        services.AddSingleton<ICsmsCallObserver, GetCompositeScheduleObserver>();
        services.AddSingleton<ICsmsCallObserver, RemoteStartTransactionObserver>();
        services.AddSingleton<ICsmsCallObserver, GetInstalledCertificateIdsObserver>();
        services.AddSingleton<ICsmsCallObserver, InstallCertificateObserver>();
        services.AddSingleton<ICsmsCallObserver, DeleteCertificateObserver>();
        services.AddSingleton<CsmsCallObservers>();
        return services;
    }
}
