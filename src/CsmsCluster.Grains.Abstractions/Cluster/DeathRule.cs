namespace CsmsCluster.Grains.Cluster;

/// <summary>
/// When a silo may be declared dead: its heartbeat is older than <see cref="LeaseExpiry"/>, or fresh votes against
/// it (younger than <see cref="VoteExpiry"/>) from Active voters whose own heartbeat is younger than
/// <see cref="LeaseExpiry"/> number at least max(<see cref="MinimumVotes"/>, min(half the Active unexpired silos + 1,
/// <see cref="Watchers"/>)). The majority is capped at the number of peers that probe each silo: only they can vote,
/// so a larger quorum could never be reached and every crash would wait for the lease. All ages are computed in SQL
/// on the database clock.
/// </summary>
/// <param name="LeaseExpiry">Heartbeat age after which a silo is certainly fenced (lease plus margin).</param>
/// <param name="VoteExpiry">Votes older than this do not count.</param>
/// <param name="MinimumVotes">The least number of votes that can kill, whatever the cluster size.</param>
/// <param name="Watchers">How many peers probe each silo (each probes that many ring successors).</param>
public sealed record DeathRule(TimeSpan LeaseExpiry, TimeSpan VoteExpiry, int MinimumVotes, int Watchers);
