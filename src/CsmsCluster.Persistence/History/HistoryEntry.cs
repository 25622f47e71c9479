using System.Diagnostics;

namespace CsmsCluster.Persistence;

/// <summary>
/// One queued history write and the completion its caller awaits. <see cref="Item"/> is a
/// <see cref="TransactionStarted"/>, a <see cref="TransactionStopped"/> or an
/// <see cref="IReadOnlyList{MeterValueSample}"/>.
/// </summary>
internal sealed class HistoryEntry(object item)
{
    // Continuations run on the thread pool, never inline on the writer loop.
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public object Item { get; } = item;

    public Task Completion => _completion.Task;

    /// <summary>The span of the write that queued this entry (default when not traced); the batch span links to it.</summary>
    public ActivityContext Producer { get; set; }

    public void Succeed() => _completion.TrySetResult();

    public void Fail(Exception exception) => _completion.TrySetException(exception);
}
