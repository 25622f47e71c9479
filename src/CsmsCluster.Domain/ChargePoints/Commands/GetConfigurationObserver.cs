using CsmsCluster.Contracts;
using CsmsCluster.Ocpp.V16;

namespace CsmsCluster.Domain.ChargePoints.Commands;

/// <summary>GetConfiguration (OCPP 1.6 §5.8): the answer replaces the cached values of the keys it names.</summary>
internal sealed class GetConfigurationObserver()
    : CsmsCallObserver<GetConfigurationRequest, GetConfigurationResponse>("GetConfiguration", V16JsonContext.Default.GetConfigurationRequest, V16JsonContext.Default.GetConfigurationResponse)
{
    protected override bool Apply(ChargePointState state, GetConfigurationRequest request, GetConfigurationResponse response, DateTimeOffset now)
    {
        foreach (var key in response.ConfigurationKey ?? [])
        {
            state.Configuration[key.Key] = new ConfigurationEntry(key.Key, key.Value, key.Readonly, now);
        }

        foreach (var unknown in response.UnknownKey ?? [])
        {
            state.Configuration.Remove(unknown);
        }

        return true;
    }
}
