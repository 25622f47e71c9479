using System.Reflection;
using CsmsCluster.Grains.Calls;

namespace CsmsCluster.Grains.Metadata;

/// <summary>
/// Validated metadata of every registered grain, built once at start-up. Construction fails with one
/// <see cref="InvalidOperationException"/> listing every problem found.
/// </summary>
internal sealed class GrainCatalog
{
    private readonly Dictionary<Type, GrainInterfaceMetadata> _interfaces = [];
    private readonly Dictionary<string, GrainInterfaceMetadata> _interfacesByAlias = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GrainClassMetadata> _classes = new(StringComparer.Ordinal);

    public GrainCatalog(IEnumerable<GrainRegistration> registrations, GrainSerializer serializer, bool requireSerializableCallTypes)
    {
        var errors = new List<string>();
        var implementations = new Dictionary<Type, Type>();
        foreach (var registration in registrations)
        {
            var (interfaceType, implementationType) = registration;
            if (implementations.TryGetValue(interfaceType, out var existing))
            {
                if (existing != implementationType)
                {
                    errors.Add($"Grain interface {interfaceType.Name} has two implementations: {existing.Name} and {implementationType.Name}.");
                }

                continue;
            }

            implementations.Add(interfaceType, implementationType);
            var errorsBefore = errors.Count;
            var grainClass = AddClass(implementationType, interfaceType, serializer, errors);
            GrainInterfaceValidator.Validate(interfaceType, serializer, requireSerializableCallTypes, errors);
            if (grainClass is not null && errors.Count == errorsBefore)
            {
                AddInterface(interfaceType, grainClass.GrainType, errors);
            }
        }

        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Grain registration is invalid:" + string.Concat(errors.Select(e => "\n- " + e)));
        }
    }

    public IEnumerable<GrainInterfaceMetadata> Interfaces => _interfaces.Values;

    public GrainInterfaceMetadata GetInterface(Type interfaceType) =>
        _interfaces.TryGetValue(interfaceType, out var metadata)
            ? metadata
            : throw new InvalidOperationException(
                $"No grain implementation is registered for {interfaceType.Name}; call services.AddGrain<{interfaceType.Name}, TImplementation>().");

    public GrainClassMetadata GetClass(string grainType) =>
        _classes.TryGetValue(grainType, out var metadata)
            ? metadata
            : throw new GrainUnavailableException($"No grain class with [GrainType(\"{grainType}\")] is registered in this silo.");

    public bool HasClass(string grainType) => _classes.ContainsKey(grainType);

    public GrainMethodDescriptor? FindMethod(string interfaceAlias, string methodAlias) =>
        _interfacesByAlias.GetValueOrDefault(interfaceAlias)?.FindMethod(methodAlias);

    private GrainClassMetadata? AddClass(Type implementationType, Type interfaceType, GrainSerializer serializer, List<string> errors)
    {
        var name = implementationType.Name;
        if (implementationType.IsAbstract || !interfaceType.IsAssignableFrom(implementationType) || !typeof(Grain).IsAssignableFrom(implementationType))
        {
            errors.Add($"Grain class {name} must be a concrete class deriving from Grain and implementing {interfaceType.Name}.");
            return null;
        }

        if (implementationType.GetCustomAttribute<GrainTypeAttribute>() is not { Name.Length: > 0 } grainType)
        {
            errors.Add($"Grain class {name} has no [GrainType(\"...\")].");
            return null;
        }

        if (_classes.TryGetValue(grainType.Name, out var existing))
        {
            if (existing.ImplementationType != implementationType)
            {
                errors.Add($"Grain classes {existing.ImplementationType.Name} and {name} both have [GrainType(\"{grainType.Name}\")].");
            }

            return existing;
        }

        var stateType = GrainClassMetadata.FindStateType(implementationType);
        if (stateType is not null && !serializer.IsSupported(stateType))
        {
            errors.Add($"Grain class {name} has state type {stateType.Name}, which no registered JSON type info covers.");
        }

        var metadata = new GrainClassMetadata(grainType.Name, implementationType, stateType);
        _classes.Add(grainType.Name, metadata);
        return metadata;
    }

    private void AddInterface(Type interfaceType, string grainType, List<string> errors)
    {
        // Called only for an interface that passed validation, so the alias exists and every return type is Task-like.
        var alias = interfaceType.GetCustomAttribute<AliasAttribute>()!.Value;
        var methods = GrainInterfaceValidator.GetMethods(interfaceType).Select(m => CreateDescriptor(m, alias)).ToArray();
        var metadata = new GrainInterfaceMetadata(interfaceType, alias, grainType, methods);
        if (!_interfacesByAlias.TryAdd(alias, metadata))
        {
            errors.Add($"Grain interfaces {_interfacesByAlias[alias].InterfaceType.Name} and {interfaceType.Name} both have alias \"{alias}\".");
            return;
        }

        _interfaces.Add(interfaceType, metadata);
    }

    private static GrainMethodDescriptor CreateDescriptor(MethodInfo method, string interfaceAlias)
    {
        var (shape, resultType) = GrainInterfaceValidator.GetShape(method.ReturnType)!.Value;
        var descriptorType = typeof(GrainMethodDescriptor<>).MakeGenericType(resultType);
        var methodAlias = method.GetCustomAttribute<AliasAttribute>()!.Value;
        return (GrainMethodDescriptor)Activator.CreateInstance(descriptorType, method, interfaceAlias, methodAlias, shape)!;
    }
}
