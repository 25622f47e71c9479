namespace CsmsCluster.Grains.Cluster;

/// <summary>
/// When a silo may be declared dead: its heartbeat is older than <see cref="LeaseExpiry"/>, or fresh votes against
/// it (younger than <see cref="VoteExpiry"/>) from Active voters whose own heartbeat is younger than
/// <see cref="LeaseExpiry"/> number at least max(<see cref="MinimumVotes"/>, half the Active unexpired silos + 1).
/// All ages are computed in SQL on the database clock.
/// </summary>
/// <param name="LeaseExpiry">Heartbeat age after which a silo is certainly fenced (lease plus margin).</param>
/// <param name="VoteExpiry">Votes older than this do not count.</param>
/// <param name="MinimumVotes">The least number of votes that can kill, whatever the cluster size.</param>
public sealed record DeathRule(TimeSpan LeaseExpiry, TimeSpan VoteExpiry, int MinimumVotes);
