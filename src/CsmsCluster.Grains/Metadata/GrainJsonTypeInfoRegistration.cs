using System.Text.Json.Serialization.Metadata;

namespace CsmsCluster.Grains.Metadata;

/// <summary>One <c>AddGrainJsonTypeInfo(resolver)</c> call, collected from DI in registration order.</summary>
internal sealed record GrainJsonTypeInfoRegistration(IJsonTypeInfoResolver Resolver);
