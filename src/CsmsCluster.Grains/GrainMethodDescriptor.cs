using System.Reflection;
using CsmsCluster.Grains.Calls;

namespace CsmsCluster.Grains;

/// <summary>
/// Everything the runtime knows about one grain interface method, computed once at start-up: wire identity
/// (aliases), shape and the compiled invoker. A call does no reflection beyond the proxy's dispatch.
/// </summary>
public abstract class GrainMethodDescriptor
{
    private protected GrainMethodDescriptor(MethodInfo method, string interfaceAlias, string methodAlias, ReturnShape shape)
    {
        Method = method;
        InterfaceAlias = interfaceAlias;
        MethodAlias = methodAlias;
        Shape = shape;
        AlwaysInterleave = method.IsDefined(typeof(AlwaysInterleaveAttribute), inherit: false);
        var parameters = method.GetParameters();
        ParameterTypes = Array.ConvertAll(parameters, p => p.ParameterType);
        CancellationTokenIndex = parameters.Length > 0 && parameters[^1].ParameterType == typeof(CancellationToken)
            ? parameters.Length - 1
            : -1;
        SpanName = $"{method.DeclaringType!.Name}/{method.Name}";
    }

    /// <summary>The interface method.</summary>
    public MethodInfo Method { get; }

    /// <summary>The alias of the declaring interface.</summary>
    public string InterfaceAlias { get; }

    /// <summary>The method's alias, unique within its interface.</summary>
    public string MethodAlias { get; }

    /// <summary>True when the method is marked <see cref="AlwaysInterleaveAttribute"/>.</summary>
    public bool AlwaysInterleave { get; }

    /// <summary>The parameter types in declaration order.</summary>
    public IReadOnlyList<Type> ParameterTypes { get; }

    /// <summary>Index of the trailing <see cref="CancellationToken"/> parameter (not serialised), or -1.</summary>
    public int CancellationTokenIndex { get; }

    /// <summary>The type of the result (<c>T</c> of <c>Task&lt;T&gt;</c>), or null for <c>Task</c>/<c>ValueTask</c>.</summary>
    public abstract Type? ResultType { get; }

    /// <summary>The span and metric name, <c>{InterfaceName}/{MethodName}</c>.</summary>
    public string SpanName { get; }

    private protected ReturnShape Shape { get; }

    /// <summary>Sends a call from a proxy and returns the value the proxy hands to its caller.</summary>
    internal abstract object InvokeFromProxy(GrainCallRouter router, GrainId target, object?[] arguments);

    /// <summary>Runs a call (e.g. received from another silo) in this silo, with the result boxed.</summary>
    internal abstract Task<object?> InvokeLocalBoxedAsync(LocalGrainCallInvoker invoker, GrainCall call, CancellationToken cancellationToken);

    /// <inheritdoc />
    public override string ToString() => $"{InterfaceAlias}.{MethodAlias} ({SpanName})";
}
