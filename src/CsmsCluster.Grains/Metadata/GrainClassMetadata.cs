using Microsoft.Extensions.DependencyInjection;

namespace CsmsCluster.Grains.Metadata;

/// <summary>A grain implementation class: its grain type name, how to construct it, and its state type if any.</summary>
internal sealed class GrainClassMetadata(string grainType, Type implementationType, Type? stateType)
{
    public string GrainType { get; } = grainType;

    public Type ImplementationType { get; } = implementationType;

    /// <summary>The <c>TState</c> of <see cref="Grain{TState}"/>, or null for a stateless grain.</summary>
    public Type? StateType { get; } = stateType;

    /// <summary>Constructor injection via <see cref="ActivatorUtilities"/>, compiled once.</summary>
    public ObjectFactory Factory { get; } = ActivatorUtilities.CreateFactory(implementationType, Type.EmptyTypes);

    /// <summary>Finds the <c>TState</c> of a class deriving from <see cref="Grain{TState}"/>.</summary>
    public static Type? FindStateType(Type implementationType)
    {
        for (var type = implementationType.BaseType; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Grain<>))
            {
                return type.GetGenericArguments()[0];
            }
        }

        return null;
    }
}
