namespace CsmsCluster.Grains.Activations;

/// <summary>One unit of work for an activation's mailbox: a call or a timer tick.</summary>
internal abstract class WorkItem
{
    /// <summary>The grain the work is for.</summary>
    public abstract GrainId Target { get; }

    /// <summary>True when the work may start while a non-interleaved turn is awaiting.</summary>
    public abstract bool IsInterleaved { get; }

    /// <summary>True for calls (they count as activity for idle deactivation and move to a fresh activation).</summary>
    public abstract bool IsCall { get; }

    /// <summary>The call chain of the work, or null.</summary>
    public virtual GrainCallChain? Chain => null;

    /// <summary>Cancelled when waiting for the work no longer makes sense (deadline passed, caller gave up).</summary>
    public abstract CancellationToken CancellationToken { get; }

    /// <summary>Runs the work as a turn on the activation's scheduler. Never throws: outcomes go to the caller.</summary>
    public abstract Task RunAsync(GrainActivation activation);

    /// <summary>The work will never run: report <paramref name="exception"/> to whoever waits for it.</summary>
    public abstract void Fail(Exception exception);
}
