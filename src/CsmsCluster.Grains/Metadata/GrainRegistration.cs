namespace CsmsCluster.Grains.Metadata;

/// <summary>One <c>AddGrain&lt;TInterface, TImplementation&gt;()</c> call, collected from DI at start-up.</summary>
internal sealed record GrainRegistration(Type InterfaceType, Type ImplementationType);
