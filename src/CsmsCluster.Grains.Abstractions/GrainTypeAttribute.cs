namespace CsmsCluster.Grains;

/// <summary>Names the grain type of an implementation class; the type half of its <see cref="GrainId"/>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GrainTypeAttribute(string name) : Attribute
{
    /// <summary>The grain type name, e.g. <c>charge-point</c>.</summary>
    public string Name { get; } = name;
}
