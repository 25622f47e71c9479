namespace CsmsCluster.SmartCharging.Loop;

/// <summary>The result of one <see cref="SiteLoop.Run"/>.</summary>
/// <param name="Allocation">The allocation computed.</param>
/// <param name="Commands">The profiles to send now.</param>
/// <param name="Decisions">The commit decision per connector with a session.</param>
public sealed record LoopRun(SiteAllocation Allocation, IReadOnlyList<ProfileCommand> Commands, IReadOnlyList<CommitDecision> Decisions);
