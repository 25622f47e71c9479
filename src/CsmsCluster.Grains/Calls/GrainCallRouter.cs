using CsmsCluster.Grains.Telemetry;
using CsmsCluster.Grains.Transport;
using Polly;
using Polly.Retry;

namespace CsmsCluster.Grains.Calls;

/// <summary>
/// The seam every call passes: fixes the deadline and call chain, fails a cycle fast, then hands the call to this
/// silo (<see cref="LocalGrainCallInvoker"/>) or, when <see cref="IGrainPlacement"/> says another silo owns the
/// grain, to the <see cref="IRemoteGrainCallInvoker"/> transport. In a cluster, a call that provably did not run
/// (the receiver is not the owner, or could not be reached) is placed again, with back-off, until its deadline.
/// </summary>
internal sealed class GrainCallRouter
{
    private readonly LocalGrainCallInvoker _local;
    private readonly IGrainPlacement _placement;
    private readonly IRemoteGrainCallInvoker? _remote;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _defaultCallTimeout;
    private readonly ResiliencePipeline _reroute;
    private readonly GrainTelemetry _telemetry;

    public GrainCallRouter(
        LocalGrainCallInvoker local,
        IGrainPlacement placement,
        IRemoteGrainCallInvoker? remote,
        TimeProvider timeProvider,
        TimeSpan defaultCallTimeout,
        GrainTelemetry telemetry)
    {
        _local = local;
        _placement = placement;
        _remote = remote;
        _timeProvider = timeProvider;
        _defaultCallTimeout = defaultCallTimeout;
        _telemetry = telemetry;
        _reroute = remote is null ? ResiliencePipeline.Empty : BuildReroutePipeline(placement, timeProvider, telemetry);
    }

    public Task<T> InvokeAsync<T>(GrainId target, GrainMethodDescriptor<T> method, object?[] arguments)
    {
        var context = GrainCallContext.Current;
        var now = _timeProvider.GetUtcNow();
        var deadline = now + _defaultCallTimeout;
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
        var task = Dispatch(method, call, callerToken);
        return _remote is null || task.IsCompletedSuccessfully ? task : RerouteIfNotRunAsync(task, method, call, callerToken);
    }

    // Only failures that prove the call never ran are handled; a timeout or lost connection (outcome unknown) is not.
    private static bool ProvesNotRun(Exception exception) => exception is GrainNotOwnerException or SiloUnreachableException;

    private static ResiliencePipeline BuildReroutePipeline(IGrainPlacement placement, TimeProvider timeProvider, GrainTelemetry telemetry) =>
        new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(ProvesNotRun),
                MaxRetryAttempts = int.MaxValue, // bounded by the call's deadline
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(20),
                MaxDelay = TimeSpan.FromMilliseconds(500),
                // A call the transport held until the view changed (its silo was down) goes to the new owner at once.
                DelayGenerator = static args => new ValueTask<TimeSpan?>(
                    args.Outcome.Exception is SiloUnreachableException { Waited: true } ? TimeSpan.Zero : null),
                OnRetry = args =>
                {
                    telemetry.Reroutes.Add(1);
                    return args.Outcome.Exception is SiloUnreachableException { Waited: true }
                        ? ValueTask.CompletedTask // the view it waited for is the one placement uses now
                        : new ValueTask(placement.RefreshAsync(
                        args.Outcome.Exception is GrainNotOwnerException notOwner ? notOwner.ViewVersion : long.MaxValue,
                        args.Context.CancellationToken));
                },
            })
            .Build();

    private Task<T> Dispatch<T>(GrainMethodDescriptor<T> method, GrainCall call, CancellationToken callerToken)
    {
        if (_placement.IsLocal(call.Target))
        {
            return _local.InvokeAsync(method, call, callerToken);
        }

        return _remote is not null
            ? _remote.InvokeAsync<T>(call, callerToken)
            : Task.FromException<T>(new GrainUnavailableException(
                $"{call.Target} is placed on another silo, but no {nameof(IRemoteGrainCallInvoker)} is registered."));
    }

    private async Task<T> RerouteIfNotRunAsync<T>(Task<T> first, GrainMethodDescriptor<T> method, GrainCall call, CancellationToken callerToken)
    {
        Exception notRun;
        try
        {
            return await first;
        }
        catch (Exception exception) when (ProvesNotRun(exception))
        {
            notRun = exception;
            _telemetry.Reroutes.Add(1);
        }

        var remaining = call.Deadline - _timeProvider.GetUtcNow();
        using var deadline = new CancellationTokenSource(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, callerToken);
        try
        {
            if (notRun is not SiloUnreachableException { Waited: true })
            {
                await _placement.RefreshAsync(notRun is GrainNotOwnerException n ? n.ViewVersion : long.MaxValue, linked.Token);
            }

            return await _reroute.ExecuteAsync(
                static async (state, _) => await state.Router.Dispatch(state.Method, state.Call, state.CallerToken),
                (Router: this, Method: method, Call: call, CallerToken: callerToken),
                linked.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !callerToken.IsCancellationRequested)
        {
            throw new GrainUnavailableException(
                $"{call.Target} could not be reached on the silo that owns it before the call's deadline {call.Deadline:O}; the call did not run.",
                notRun);
        }
        catch (SiloUnreachableException unreachable)
        {
            throw new GrainUnavailableException($"{call.Target} could not be reached; the call did not run.", unreachable);
        }
    }
}
