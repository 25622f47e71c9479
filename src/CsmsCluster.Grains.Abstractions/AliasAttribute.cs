namespace CsmsCluster.Grains;

/// <summary>
/// Stable wire name of a grain interface or method. Calls are identified by alias, never by signature, so renaming
/// a method or adding an overload does not break a rolling upgrade. Required on every grain interface and method.
/// </summary>
[AttributeUsage(AttributeTargets.Interface | AttributeTargets.Method, Inherited = false)]
public sealed class AliasAttribute(string value) : Attribute
{
    /// <summary>The alias; unique among the interface's methods (or among all grain interfaces).</summary>
    public string Value { get; } = value;
}
