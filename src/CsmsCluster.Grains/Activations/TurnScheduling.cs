namespace CsmsCluster.Grains.Activations;

/// <summary>Starts activation work on its exclusive scheduler.</summary>
internal static class TurnScheduling
{
    /// <summary>
    /// Starts <paramref name="work"/> on <paramref name="scheduler"/> with a clean execution context, so no caller's
    /// ambient state leaks into the turn (as none would across the wire). The work must never throw: outcomes go to
    /// callers and failures are logged, which is why the returned task is not observed.
    /// </summary>
    public static void Start(TaskScheduler scheduler, Func<Task> work)
    {
        if (ExecutionContext.IsFlowSuppressed())
        {
            _ = Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.DenyChildAttach, scheduler);
            return;
        }

        using (ExecutionContext.SuppressFlow())
        {
            _ = Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.DenyChildAttach, scheduler);
        }
    }

    /// <summary>How strongly a deactivation reason wins over a pending one (higher wins).</summary>
    public static int Rank(DeactivationReason reason) => reason switch
    {
        DeactivationReason.Idle => 0,
        DeactivationReason.Requested => 1,
        DeactivationReason.ShuttingDown or DeactivationReason.Moved => 2,
        _ => 3,
    };
}
