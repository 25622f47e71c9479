using System.Linq.Expressions;
using System.Reflection;

namespace CsmsCluster.Grains.Calls;

/// <summary>
/// Compiles, once per method, <c>(grain, args) =&gt; Adapt(((IFoo)grain).Method((T0)args[0], ...))</c>: an
/// interface call on the grain instance whose result is adapted to <see cref="ValueTask{T}"/>.
/// </summary>
internal static class GrainMethodInvokerCompiler
{
    public static Func<object, object?[], ValueTask<T>> Compile<T>(MethodInfo method, ReturnShape shape)
    {
        var grain = Expression.Parameter(typeof(object), "grain");
        var args = Expression.Parameter(typeof(object?[]), "args");
        var parameters = method.GetParameters();
        var arguments = new Expression[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            arguments[i] = Expression.Convert(Expression.ArrayIndex(args, Expression.Constant(i)), parameters[i].ParameterType);
        }

        Expression call = Expression.Call(Expression.Convert(grain, method.DeclaringType!), method, arguments);
        call = shape switch
        {
            ReturnShape.Task => Expression.Call(typeof(ResultAdapters).GetMethod(nameof(ResultAdapters.FromTask))!, call),
            ReturnShape.ValueTask => Expression.Call(typeof(ResultAdapters).GetMethod(nameof(ResultAdapters.FromValueTask))!, call),
            ReturnShape.TaskOfT => Expression.Call(
                typeof(ResultAdapters).GetMethod(nameof(ResultAdapters.FromTaskOfT))!.MakeGenericMethod(typeof(T)), call),
            _ => call,
        };
        return Expression.Lambda<Func<object, object?[], ValueTask<T>>>(call, grain, args).Compile();
    }
}
