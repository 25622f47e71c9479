namespace CsmsCluster.Grains;

/// <summary>
/// Sends a call to the silo that owns its grain (the cluster transport). Not registered in a single silo; when
/// <see cref="IGrainPlacement"/> says a grain is remote and none is registered, the call fails with
/// <see cref="GrainUnavailableException"/>. Arguments and results are serialised with <see cref="GrainSerializer"/>.
/// </summary>
public interface IRemoteGrainCallInvoker
{
    /// <summary>Sends <paramref name="call"/> and returns its result; must honour <see cref="GrainCall.Deadline"/>
    /// and report a missed one as <see cref="GrainCallTimeoutException"/>, never retrying a call that may have run.</summary>
    /// <typeparam name="TResult">The method's result type (<see cref="object"/> for methods without a result).</typeparam>
    Task<TResult> InvokeAsync<TResult>(GrainCall call, CancellationToken cancellationToken);
}
