namespace CsmsCluster.Grains.Cluster;

/// <summary>
/// Runs when this silo adopts a new view, before it acknowledges it: every activation the view places elsewhere
/// deactivates (reason <see cref="DeactivationReason.Moved"/>, so it writes its state), and any that has not
/// finished within <paramref name="timeout"/> is fenced. The new owner activates only once the view is settled, that
/// is after this acknowledgement, so the two activations never overlap.
/// </summary>
internal sealed class ActivationRebalancer(GrainRuntime runtime, IGrainPlacement placement, TimeSpan timeout, TimeProvider timeProvider)
{
    public async Task OnViewAdoptedAsync(MembershipView view, CancellationToken cancellationToken)
    {
        var moving = runtime.Directory.Activations.Where(a => !placement.IsLocal(a.GrainId)).ToList();
        if (moving.Count == 0)
        {
            return;
        }

        foreach (var activation in moving)
        {
            activation.RequestDeactivation(DeactivationReason.Moved);
        }

        try
        {
            await Task.WhenAll(moving.Select(a => a.Completion)).WaitAsync(timeout, timeProvider, cancellationToken);
        }
        catch (TimeoutException)
        {
            foreach (var activation in moving.Where(a => !a.Completion.IsCompleted))
            {
                activation.Fence();
            }
        }
    }
}
