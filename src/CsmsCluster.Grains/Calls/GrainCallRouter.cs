namespace CsmsCluster.Grains.Calls;

/// <summary>
/// The seam every call passes: fixes the deadline and call chain, fails a cycle fast, then hands the call to this
/// silo (<see cref="LocalGrainCallInvoker"/>) or, when <see cref="IGrainPlacement"/> says another silo owns the
/// grain, to the <see cref="IRemoteGrainCallInvoker"/> transport.
/// </summary>
internal sealed class GrainCallRouter(
    LocalGrainCallInvoker local,
    IGrainPlacement placement,
    IRemoteGrainCallInvoker? remote,
    TimeProvider timeProvider,
    TimeSpan defaultCallTimeout)
{
    public Task<T> InvokeAsync<T>(GrainId target, GrainMethodDescriptor<T> method, object?[] arguments)
    {
        var context = GrainCallContext.Current;
        var now = timeProvider.GetUtcNow();
        var deadline = now + defaultCallTimeout;
        var chain = context?.Chain;
        if (context is not null && context.Deadline < deadline)
        {
            deadline = context.Deadline;
        }

        if (!method.AlwaysInterleave && chain is not null && chain.Contains(target))
        {
            return Task.FromException<T>(new GrainDeadlockException(
                $"Call to {method.SpanName} on {target} would wait on itself: {target} is already in the call chain {chain}. " +
                "Mark the method [AlwaysInterleave] if it may run while the chain waits."));
        }

        if (deadline <= now)
        {
            return Task.FromException<T>(new GrainCallTimeoutException(
                $"Call to {method.SpanName} on {target} was not sent: the calling grain's deadline {deadline:O} has passed."));
        }

        var callerToken = method.CancellationTokenIndex >= 0 && arguments[method.CancellationTokenIndex] is CancellationToken token
            ? token
            : default;
        var call = new GrainCall(target, method, arguments, deadline, chain);
        if (placement.IsLocal(target))
        {
            return local.InvokeAsync(method, call, callerToken);
        }

        return remote is not null
            ? remote.InvokeAsync<T>(call, callerToken)
            : Task.FromException<T>(new GrainUnavailableException(
                $"{target} is placed on another silo, but no {nameof(IRemoteGrainCallInvoker)} is registered."));
    }
}
