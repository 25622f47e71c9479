using System.Reflection;

namespace CsmsCluster.Grains.Calls;

/// <summary>A method descriptor typed by its result, so results flow to the caller without boxing.</summary>
/// <typeparam name="T">The result type; <see cref="object"/> for methods without a result.</typeparam>
internal sealed class GrainMethodDescriptor<T> : GrainMethodDescriptor
{
    private readonly Func<object, object?[], ValueTask<T>> _invoke;

    public GrainMethodDescriptor(MethodInfo method, string interfaceAlias, string methodAlias, ReturnShape shape)
        : base(method, interfaceAlias, methodAlias, shape)
    {
        _invoke = GrainMethodInvokerCompiler.Compile<T>(method, shape);
    }

    public override Type? ResultType => Shape is ReturnShape.TaskOfT or ReturnShape.ValueTaskOfT ? typeof(T) : null;

    /// <summary>Calls the method on a grain instance (inside its turn).</summary>
    public ValueTask<T> InvokeOnGrain(object grain, object?[] arguments) => _invoke(grain, arguments);

    internal override object InvokeFromProxy(GrainCallRouter router, GrainId target, object?[] arguments)
    {
        var task = router.InvokeAsync(target, this, arguments);
        return Shape switch
        {
            ReturnShape.ValueTask => new ValueTask(task),
            ReturnShape.ValueTaskOfT => new ValueTask<T>(task),
            _ => task,
        };
    }

    internal override async Task<object?> InvokeLocalBoxedAsync(LocalGrainCallInvoker invoker, GrainCall call, CancellationToken cancellationToken) =>
        await invoker.InvokeAsync(this, call, cancellationToken);
}
