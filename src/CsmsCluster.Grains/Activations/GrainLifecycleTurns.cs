using System.Diagnostics;
using CsmsCluster.Grains.Metadata;
using CsmsCluster.Grains.Telemetry;

namespace CsmsCluster.Grains.Activations;

/// <summary>
/// The first and last turns of an activation: create the grain instance and run its activation, or run its
/// <see cref="Grain.OnDeactivateAsync"/>. Each gets <see cref="GrainRuntimeOptions.DefaultCallTimeout"/> and an
/// ambient context, so calls it makes carry a deadline and this grain on their chain.
/// </summary>
internal static class GrainLifecycleTurns
{
    /// <summary>Creates, attaches and activates the instance; throws whatever construction or activation threw.</summary>
    public static async Task<IGrainLifecycle> ActivateAsync(
        GrainClassMetadata grainClass, GrainContext context, ActivationServices services, GrainCallChain? callerChain, DateTimeOffset startedAt)
    {
        using var activity = GrainTelemetry.ActivitySource.StartActivity("grain activate")?.SetTag("grain.id", context.GrainId.ToString());
        var timeout = services.Options.DefaultCallTimeout;
        using var cancellation = new CancellationTokenSource(timeout, services.TimeProvider);
        try
        {
            var grain = (IGrainLifecycle)grainClass.Factory(services.Services, null);
            grain.Attach(context);
            var chain = new GrainCallChain(context.GrainId, callerChain);
            GrainCallContext.Current = new GrainCallContext(context.GrainId, startedAt + timeout, cancellation.Token, chain);
            await grain.ActivateAsync(cancellation.Token);
            return grain;
        }
        catch (Exception exception)
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
            throw;
        }
    }

    /// <summary>Runs <see cref="Grain.OnDeactivateAsync"/>; a failure is logged, the activation ends anyway.</summary>
    public static async Task DeactivateAsync(IGrainLifecycle grain, GrainId grainId, DeactivationReason reason, ActivationServices services)
    {
        var timeout = services.Options.DefaultCallTimeout;
        using var cancellation = new CancellationTokenSource(timeout, services.TimeProvider);
        var deadline = services.TimeProvider.GetUtcNow() + timeout;
        GrainCallContext.Current = new GrainCallContext(grainId, deadline, cancellation.Token, new GrainCallChain(grainId, null));
        try
        {
            await grain.DeactivateAsync(reason, cancellation.Token);
        }
        catch (Exception exception)
        {
            services.Logger.DeactivationFailed(grainId, reason, exception);
        }
    }
}
