using CsmsCluster.Contracts;

namespace CsmsCluster.Api;

/// <summary>The charger's local authorization list: version (0 none, -1 unsupported) and entries.</summary>
public sealed record LocalListDto(int Version, IReadOnlyList<LocalListEntry> Entries);
