using CsmsCluster.Domain.Certificates;
using CsmsCluster.Gateway;
using CsmsCluster.Grains;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CsmsCluster.Server.Configuration;

/// <summary>
/// Start-up validation of settings whose parts do not check them (or not at start): a bad value stops the host in
/// <c>StartAsync</c> with an <see cref="OptionsValidationException"/> naming the key, instead of failing later on the
/// first connection, call or certificate.
/// </summary>
public static class OptionsValidationExtensions
{
    /// <summary>Adds the validators and makes the options validate at start. Call after the parts are registered.</summary>
    public static IServiceCollection AddCsmsOptionsValidation(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OcppGatewayOptions>, GatewayLimitsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GrainRuntimeOptions>, GrainRuntimeOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CertificateAuthorityOptions>, CertificateAuthorityOptionsValidator>());
        services.AddOptions<OcppGatewayOptions>().ValidateOnStart();
        services.AddOptions<GrainRuntimeOptions>().ValidateOnStart();
        services.AddOptions<CertificateAuthorityOptions>().ValidateOnStart();
        return services;
    }
}
