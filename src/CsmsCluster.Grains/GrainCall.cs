namespace CsmsCluster.Grains;

/// <summary>
/// One grain call as it leaves a proxy: the single place arguments, deadline and call chain flow through, so a
/// transport can serialise it (method by alias, arguments by <see cref="GrainMethodDescriptor.ParameterTypes"/>).
/// </summary>
/// <param name="target">The called grain.</param>
/// <param name="method">The called method.</param>
/// <param name="arguments">The arguments in declaration order; a trailing <see cref="CancellationToken"/> slot holds
/// the caller's token and is replaced by the call's token where the grain runs.</param>
/// <param name="deadline">When the caller stops waiting (UTC).</param>
/// <param name="chain">The non-interleaved calls in progress that lead to this call, innermost first.</param>
public sealed class GrainCall(GrainId target, GrainMethodDescriptor method, object?[] arguments, DateTimeOffset deadline, GrainCallChain? chain)
{
    /// <summary>The called grain.</summary>
    public GrainId Target { get; } = target;

    /// <summary>The called method.</summary>
    public GrainMethodDescriptor Method { get; } = method;

    /// <summary>The arguments in declaration order.</summary>
    public object?[] Arguments { get; } = arguments;

    /// <summary>When the caller stops waiting (UTC). A call that has not started by then never runs.</summary>
    public DateTimeOffset Deadline { get; } = deadline;

    /// <summary>The grains with a non-interleaved call in progress that is waiting on this call, innermost first.</summary>
    public GrainCallChain? Chain { get; } = chain;
}
