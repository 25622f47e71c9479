using System.Diagnostics;
using CsmsCluster.Grains.Activations;
using CsmsCluster.Grains.Telemetry;

namespace CsmsCluster.Grains.Calls;

/// <summary>
/// A call travelling to, and running in, a local activation. Owns the call's deadline timer (on the injected
/// <see cref="TimeProvider"/>): when it fires the caller gets <see cref="GrainCallTimeoutException"/> at once, a call
/// that has not started yet is dropped, and a running one sees its token cancelled. Never retried (G4).
/// </summary>
internal sealed class CallWorkItem<T> : WorkItem
{
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly GrainCall _call;
    private readonly GrainMethodDescriptor<T> _method;
    private readonly CancellationToken _callerToken;
    private readonly CancellationTokenSource _cancellation;
    private readonly CancellationTokenRegistration _callerRegistration;
    private readonly TimeProvider _timeProvider;
    private readonly GrainTelemetry _telemetry;
    private readonly Activity? _activity;
    private readonly long _startTimestamp;

    public CallWorkItem(GrainCall call, GrainMethodDescriptor<T> method, CancellationToken callerToken, TimeProvider timeProvider, GrainTelemetry telemetry)
    {
        _call = call;
        _method = method;
        _callerToken = callerToken;
        _timeProvider = timeProvider;
        _telemetry = telemetry;
        _activity = StartActivity(method, call.Target);
        _startTimestamp = telemetry.CallDuration.Enabled ? timeProvider.GetTimestamp() : 0;
        var remaining = call.Deadline - timeProvider.GetUtcNow();
        _cancellation = new CancellationTokenSource(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, timeProvider);
        _cancellation.Token.UnsafeRegister(static s => ((CallWorkItem<T>)s!).OnCancelled(), this);
        if (callerToken.CanBeCanceled)
        {
            _callerRegistration = callerToken.UnsafeRegister(static s => ((CallWorkItem<T>)s!)._cancellation.Cancel(), this);
        }
    }

    /// <summary>What the caller awaits.</summary>
    public Task<T> Task => _completion.Task;

    public override GrainId Target => _call.Target;

    public override bool IsInterleaved => _method.AlwaysInterleave;

    public override bool IsCall => true;

    public override GrainCallChain? Chain => _call.Chain;

    public override CancellationToken CancellationToken => _cancellation.Token;

    public override async Task RunAsync(GrainActivation activation)
    {
        try
        {
            if (_completion.Task.IsCompleted || _cancellation.IsCancellationRequested)
            {
                return; // Deadline passed (or the caller gave up) before the call started: it never runs.
            }

            if (_activity is not null)
            {
                Activity.Current = _activity;
            }

            // A non-interleaved call blocks its activation, so calls it makes carry this grain on their chain.
            var chain = _method.AlwaysInterleave ? _call.Chain : new GrainCallChain(_call.Target, _call.Chain);
            GrainCallContext.Current = new GrainCallContext(_call.Target, _call.Deadline, _cancellation.Token, chain);
            var arguments = _call.Arguments;
            if (_method.CancellationTokenIndex >= 0)
            {
                arguments[_method.CancellationTokenIndex] = _cancellation.Token;
            }

            var result = await _method.InvokeOnGrain(activation.Instance, arguments);
            // Once the deadline (or the caller's token) fired, the caller is told so even when the grain finished a
            // moment later: its cancellation callbacks race with this continuation, and the answer must not depend
            // on which wins.
            if (_cancellation.IsCancellationRequested)
            {
                OnCancelled();
            }
            else if (_completion.TrySetResult(result))
            {
                Completed("ok", error: null);
            }
        }
        catch (Exception) when (_cancellation.IsCancellationRequested)
        {
            OnCancelled();
        }
        catch (Exception exception)
        {
            SetException(exception, "error");
        }
        finally
        {
            Release();
        }
    }

    public override void Fail(Exception exception)
    {
        SetException(exception, "error");
        Release();
    }

    private static Activity? StartActivity(GrainMethodDescriptor method, GrainId target)
    {
        var previous = Activity.Current;
        var activity = GrainTelemetry.ActivitySource.StartActivity(method.SpanName);
        if (activity is null)
        {
            return null;
        }

        activity.SetTag("grain.id", target.ToString());
        activity.SetTag("grain.method", method.MethodAlias);

        // StartActivity made the span current for the caller; it belongs to the callee's turn instead.
        Activity.Current = previous;
        return activity;
    }

    private void OnCancelled()
    {
        if (_callerToken.IsCancellationRequested)
        {
            if (_completion.TrySetCanceled(_callerToken))
            {
                Completed("canceled", error: null);
            }

            return;
        }

        SetException(
            new GrainCallTimeoutException(
                $"Call to {_method.SpanName} on {_call.Target} did not complete by its deadline {_call.Deadline:O}; its outcome is unknown."),
            "timeout");
    }

    private void SetException(Exception exception, string outcome)
    {
        if (_completion.TrySetException(exception))
        {
            Completed(outcome, exception);
        }
    }

    private void Completed(string outcome, Exception? error)
    {
        var method = new KeyValuePair<string, object?>("grain.method", _method.SpanName);
        var result = new KeyValuePair<string, object?>("outcome", outcome);
        _telemetry.Calls.Add(1, method, result);
        if (_startTimestamp != 0)
        {
            _telemetry.CallDuration.Record(_timeProvider.GetElapsedTime(_startTimestamp).TotalSeconds, method, result);
        }

        if (_activity is not null)
        {
            if (error is not null)
            {
                _activity.SetStatus(ActivityStatusCode.Error, error.Message);
            }

            _activity.Stop();
        }
    }

    private void Release()
    {
        _callerRegistration.Dispose();
        _cancellation.Dispose();
    }
}
