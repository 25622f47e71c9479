using CsmsCluster.Contracts;
using CsmsCluster.Ocpp.V16;

namespace CsmsCluster.Domain.ChargePoints.Commands;

/// <summary>ChangeConfiguration (OCPP 1.6 §5.3): an Accepted or RebootRequired change updates the cached value.</summary>
internal sealed class ChangeConfigurationObserver()
    : CsmsCallObserver<ChangeConfigurationRequest, ChangeConfigurationResponse>("ChangeConfiguration", V16JsonContext.Default.ChangeConfigurationRequest, V16JsonContext.Default.ChangeConfigurationResponse)
{
    protected override bool Apply(ChargePointState state, ChangeConfigurationRequest request, ChangeConfigurationResponse response, DateTimeOffset now)
    {
        if (response.Status is not (ConfigurationStatus.Accepted or ConfigurationStatus.RebootRequired))
        {
            return false;
        }

        state.Configuration[request.Key] = new ConfigurationEntry(request.Key, request.Value, false, now);
        return true;
    }
}
