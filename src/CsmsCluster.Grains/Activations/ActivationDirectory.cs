using System.Collections.Concurrent;

namespace CsmsCluster.Grains.Activations;

/// <summary>
/// The activations of this silo, at most one per grain. Delivery gets or creates the activation and offers it the
/// work; an activation that is deactivating is waited for (within the call's deadline) before a fresh one starts.
/// </summary>
internal sealed class ActivationDirectory
{
    private readonly ConcurrentDictionary<GrainId, GrainActivation> _activations = new();
    private readonly ActivationServices _services;
    private readonly Func<GrainId, GrainActivation> _create;
    private volatile GrainRuntimeStatus _status;

    public ActivationDirectory(ActivationServices services)
    {
        _services = services;
        _create = id => new GrainActivation(id, services.Catalog.GetClass(id.Type), services, this);
    }

    public GrainRuntimeStatus Status
    {
        get => _status;
        set => _status = value;
    }

    public int Count => _activations.Count;

    /// <summary>A moment's view of the activations (lock-free enumeration).</summary>
    public IEnumerable<GrainActivation> Activations => _activations.Select(pair => pair.Value);

    public GrainActivation? Find(GrainId grainId) => _activations.GetValueOrDefault(grainId);

    /// <summary>Hands work to the grain's activation. Never throws: a failure completes the work item.</summary>
    public void Deliver(WorkItem item)
    {
        while (true)
        {
            var status = _status;
            if (status == GrainRuntimeStatus.Stopped)
            {
                item.Fail(new GrainUnavailableException($"{item.Target} is unavailable: the grain runtime of this silo is stopped."));
                return;
            }

            if (!_activations.TryGetValue(item.Target, out var activation))
            {
                if (status != GrainRuntimeStatus.Running)
                {
                    item.Fail(new GrainUnavailableException($"{item.Target} is unavailable: this silo is shutting down."));
                    return;
                }

                if (!_services.Catalog.HasClass(item.Target.Type))
                {
                    item.Fail(new GrainUnavailableException($"No grain class with [GrainType(\"{item.Target.Type}\")] is registered in this silo."));
                    return;
                }

                switch (_services.Gate?.Check(item.Target) ?? ActivationPermission.Allowed)
                {
                    case ActivationPermission.NotOwner:
                        item.Fail(new GrainNotOwnerException(
                            $"{item.Target} is not placed on this silo in its membership view (version {_services.Gate!.ViewVersion}).",
                            _services.Gate.ViewVersion));
                        return;
                    case ActivationPermission.NotYet:
                        _ = DeliverWhenSettledAsync(item); // Never throws: every outcome completes the item.
                        return;
                }

                activation = _activations.GetOrAdd(item.Target, _create);
            }

            switch (activation.Enqueue(item))
            {
                case EnqueueResult.Accepted:
                    return;
                case EnqueueResult.Overloaded:
                    _services.Telemetry.MailboxRejections.Add(1);
                    item.Fail(new GrainOverloadedException(
                        $"{item.Target} is overloaded: its mailbox holds {_services.Options.MailboxCapacity} calls; the call was not accepted."));
                    return;
                default:
                    if (!activation.Completion.IsCompleted)
                    {
                        _ = DeliverAfterAsync(activation, item); // Never throws: every outcome completes the item.
                        return;
                    }

                    break; // Already gone from the directory: try again with a fresh activation.
            }
        }
    }

    public void Remove(GrainActivation activation) =>
        _activations.TryRemove(KeyValuePair.Create(activation.GrainId, activation));

    /// <summary>Stops all calls and drops every activation without deactivating it.</summary>
    public int FenceAll()
    {
        _status = GrainRuntimeStatus.Stopped;
        var count = 0;
        foreach (var pair in _activations)
        {
            pair.Value.Fence();
            count++;
        }

        return count;
    }

    // The view that makes this silo the owner is not acknowledged by every peer yet: wait for the next view (settled,
    // or one that places the grain elsewhere) within the deadline, then deliver again, which checks again.
    private async Task DeliverWhenSettledAsync(WorkItem item)
    {
        try
        {
            var gate = _services.Gate!;
            var next = gate.NextView; // before the check: a change in between completes it
            if (gate.Check(item.Target) == ActivationPermission.NotYet)
            {
                await next.WaitAsync(item.CancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            item.Fail(new GrainCallTimeoutException($"Call to {item.Target} timed out while the membership view that places it here settled."));
            return;
        }

        Deliver(item);
    }

    private async Task DeliverAfterAsync(GrainActivation deactivating, WorkItem item)
    {
        try
        {
            await deactivating.Completion.WaitAsync(item.CancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The deadline passed (or the caller gave up) while waiting: the item already reported that.
            item.Fail(new GrainCallTimeoutException($"Call to {item.Target} timed out while its previous activation was deactivating."));
            return;
        }

        Deliver(item);
    }
}
