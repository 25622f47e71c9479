namespace CsmsCluster.Bench.SiteReallocation;

/// <summary>How the run was made: when, at which commit, with which command, pinning, load and server settings.</summary>
public sealed record RunInfo(
    DateTimeOffset Started, string Commit, string Command, bool Pinned, string LoadBefore, string LoadAfter, IReadOnlyDictionary<string, string> Settings);
