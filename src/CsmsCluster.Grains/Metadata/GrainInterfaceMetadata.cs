using System.Reflection;

namespace CsmsCluster.Grains.Metadata;

/// <summary>A registered grain interface: its alias, the grain type that implements it, and its methods.</summary>
internal sealed class GrainInterfaceMetadata(Type interfaceType, string alias, string grainType, IReadOnlyList<GrainMethodDescriptor> methods)
{
    private readonly Dictionary<MethodInfo, GrainMethodDescriptor> _byMethod = methods.ToDictionary(m => m.Method);
    private readonly Dictionary<string, GrainMethodDescriptor> _byAlias = methods.ToDictionary(m => m.MethodAlias, StringComparer.Ordinal);

    public Type InterfaceType { get; } = interfaceType;

    public string Alias { get; } = alias;

    /// <summary>The grain type name of the implementation (the type half of the grain ids).</summary>
    public string GrainType { get; } = grainType;

    public IReadOnlyList<GrainMethodDescriptor> Methods { get; } = methods;

    public GrainMethodDescriptor GetMethod(MethodInfo method) =>
        _byMethod.TryGetValue(method, out var descriptor)
            ? descriptor
            : throw new InvalidOperationException($"{method.DeclaringType?.Name}.{method.Name} is not a method of grain interface {InterfaceType.Name}.");

    public GrainMethodDescriptor? FindMethod(string methodAlias) => _byAlias.GetValueOrDefault(methodAlias);
}
