using System.Reflection;
using CsmsCluster.Grains.Calls;

namespace CsmsCluster.Grains.Metadata;

/// <summary>Start-up checks of one grain interface; each problem becomes one line of the start-up error.</summary>
internal static class GrainInterfaceValidator
{
    public static void Validate(Type interfaceType, GrainSerializer serializer, bool requireSerializableCallTypes, List<string> errors)
    {
        var name = interfaceType.Name;
        if (interfaceType.GetCustomAttribute<AliasAttribute>() is not { Value.Length: > 0 })
        {
            errors.Add($"Grain interface {name} has no [Alias].");
        }

        if (interfaceType.IsGenericType)
        {
            errors.Add($"Grain interface {name} is generic; grain interfaces must not be.");
        }

        var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var method in GetMethods(interfaceType))
        {
            var methodName = $"{name}.{method.Name}";
            if (method.IsSpecialName)
            {
                errors.Add($"Grain interface member {methodName} is a property or event; grain interfaces may only declare methods.");
                continue;
            }

            if (method.GetCustomAttribute<AliasAttribute>() is not { Value.Length: > 0 } alias)
            {
                errors.Add($"Grain method {methodName} has no [Alias].");
            }
            else if (!aliases.TryAdd(alias.Value, method.Name))
            {
                errors.Add($"Grain method {methodName} has alias \"{alias.Value}\", already used by {name}.{aliases[alias.Value]}.");
            }

            ValidateSignature(method, methodName, serializer, requireSerializableCallTypes, errors);
        }
    }

    /// <summary>The methods of the interface and of the interfaces it extends.</summary>
    public static IEnumerable<MethodInfo> GetMethods(Type interfaceType) =>
        interfaceType.GetInterfaces().Append(interfaceType).SelectMany(t => t.GetMethods());

    /// <summary>The shape of a Task-like return type, or null when the type is not one of the four.</summary>
    public static (ReturnShape Shape, Type ResultType)? GetShape(Type returnType)
    {
        if (returnType == typeof(Task))
        {
            return (ReturnShape.Task, typeof(object));
        }

        if (returnType == typeof(ValueTask))
        {
            return (ReturnShape.ValueTask, typeof(object));
        }

        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            return (ReturnShape.TaskOfT, returnType.GetGenericArguments()[0]);
        }

        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(ValueTask<>))
        {
            return (ReturnShape.ValueTaskOfT, returnType.GetGenericArguments()[0]);
        }

        return null;
    }

    private static void ValidateSignature(MethodInfo method, string methodName, GrainSerializer serializer, bool requireSerializable, List<string> errors)
    {
        var shape = GetShape(method.ReturnType);
        if (shape is null)
        {
            errors.Add($"Grain method {methodName} returns {method.ReturnType.Name}; it must return Task, Task<T>, ValueTask or ValueTask<T>.");
        }
        else if (requireSerializable && shape.Value.Shape is ReturnShape.TaskOfT or ReturnShape.ValueTaskOfT
                 && !serializer.IsSupported(shape.Value.ResultType))
        {
            errors.Add($"Grain method {methodName} returns {shape.Value.ResultType.Name}, which no registered JSON type info covers.");
        }

        if (method.IsGenericMethodDefinition)
        {
            errors.Add($"Grain method {methodName} is generic; grain methods must not be.");
        }

        var parameters = method.GetParameters();
        for (var i = 0; i < parameters.Length; i++)
        {
            var type = parameters[i].ParameterType;
            if (type.IsByRef)
            {
                errors.Add($"Grain method {methodName} has ref/out/in parameter {parameters[i].Name}; grain calls pass values only.");
            }
            else if (type == typeof(CancellationToken))
            {
                if (i != parameters.Length - 1)
                {
                    errors.Add($"Grain method {methodName} has a CancellationToken that is not its last parameter.");
                }
            }
            else if (requireSerializable && !serializer.IsSupported(type))
            {
                errors.Add($"Grain method {methodName} has parameter {parameters[i].Name} of type {type.Name}, which no registered JSON type info covers.");
            }
        }
    }
}
