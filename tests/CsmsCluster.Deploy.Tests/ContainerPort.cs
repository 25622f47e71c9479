namespace CsmsCluster.Deploy.Tests;

/// <summary>A port a container declares.</summary>
internal sealed record ContainerPort(string? Name, int Number);
