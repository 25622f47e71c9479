namespace CsmsCluster.Grains.Tests.Infrastructure;

/// <summary>Unique keys per test, and the grain id a reference maps to.</summary>
public static class GrainIds
{
    public static string NewKey(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    public static GrainId Of(object grainReference) => ((GrainProxy)grainReference).GrainId;
}
