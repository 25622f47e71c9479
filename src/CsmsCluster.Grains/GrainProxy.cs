using System.Reflection;
using CsmsCluster.Grains.Calls;
using CsmsCluster.Grains.Metadata;

namespace CsmsCluster.Grains;

/// <summary>
/// The grain reference handed out by <see cref="IGrainFactory.GetGrain{TGrainInterface}"/>: a
/// <see cref="DispatchProxy"/> that looks the method up in metadata cached per interface and sends it.
/// </summary>
public class GrainProxy : DispatchProxy
{
    private GrainInterfaceMetadata? _interface;
    private GrainCallRouter? _router;

    /// <summary>The referenced grain.</summary>
    public GrainId GrainId { get; private set; }

    internal void Initialize(GrainId grainId, GrainInterfaceMetadata metadata, GrainCallRouter router)
    {
        GrainId = grainId;
        _interface = metadata;
        _router = router;
    }

    /// <inheritdoc />
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var method = _interface!.GetMethod(targetMethod);
        return method.InvokeFromProxy(_router!, GrainId, args ?? []);
    }

    /// <inheritdoc />
    public override string ToString() => $"{_interface?.InterfaceType.Name}({GrainId})";
}
