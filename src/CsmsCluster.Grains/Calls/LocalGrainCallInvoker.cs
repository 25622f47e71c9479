using CsmsCluster.Grains.Activations;
using CsmsCluster.Grains.Telemetry;

namespace CsmsCluster.Grains.Calls;

/// <summary>Delivers a call to the grain's activation in this silo.</summary>
internal sealed class LocalGrainCallInvoker(ActivationDirectory directory, TimeProvider timeProvider, GrainTelemetry telemetry)
{
    public Task<T> InvokeAsync<T>(GrainMethodDescriptor<T> method, GrainCall call, CancellationToken callerToken)
    {
        var item = new CallWorkItem<T>(call, method, callerToken, timeProvider, telemetry);
        directory.Deliver(item);
        return item.Task;
    }
}
