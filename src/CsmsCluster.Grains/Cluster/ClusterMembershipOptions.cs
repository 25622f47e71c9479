namespace CsmsCluster.Grains.Cluster;

/// <summary>
/// Settings of this silo's membership agent, bound from <c>Csms:Cluster</c>. The lease is what keeps G1: a silo
/// that has not renewed its heartbeat for <see cref="LeaseDuration"/> (on its own monotonic clock) fences itself;
/// peers treat it as gone only after <see cref="LeaseDuration"/> + <see cref="LeaseMargin"/> on the database clock.
/// </summary>
public sealed class ClusterMembershipOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Csms:Cluster";

    /// <summary>This silo's id, unique per process start. Default: the machine name plus a random suffix.</summary>
    public string? SiloId { get; set; }

    /// <summary>The address peers reach this silo on. Default: the machine name.</summary>
    public string? Address { get; set; }

    /// <summary>The internal port (HTTP/2 cleartext) this node listens on and peers reach it on. Default 0: a free port
    /// is picked when the transport starts and recorded in the membership table.</summary>
    public int InternalPort { get; set; }

    /// <summary>The local address the internal port binds to. Default <c>0.0.0.0</c>.</summary>
    public string ListenAddress { get; set; } = "0.0.0.0";

    /// <summary>The largest grain call body the internal port accepts. Default 16 MiB.</summary>
    public long MaxMessageBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Stop the process when this node fences itself (lease lost or declared dead). Default true; an
    /// orchestrator then starts a fresh node with a new silo id.</summary>
    public bool ExitOnFence { get; set; } = true;

    /// <summary>The node's role as recorded in the membership table. Default <c>silo</c>.</summary>
    public string Role { get; set; } = "silo";

    /// <summary>How often the silo renews its heartbeat row. Default 2 seconds; at most half the lease.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a renewal keeps this silo allowed to run turns (measured from sending it). Default 10 seconds.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Added to the lease before peers treat a silent silo as gone (clock-rate drift, fencing time). Default 2 seconds.</summary>
    public TimeSpan LeaseMargin { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often the view is read again and ring successors are probed. Default 1 second.</summary>
    public TimeSpan ProbeInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one probe may take before it counts as missed. Default 1 second; at most <see cref="ProbeInterval"/>.</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many ring successors each silo probes. Default 2.</summary>
    public int ProbedSuccessors { get; set; } = 2;

    /// <summary>Consecutive missed probes after which this silo votes the peer dead. Default 3.</summary>
    public int MissedProbesForVote { get; set; } = 3;

    /// <summary>Votes older than this do not count towards a death. Default 10 seconds.</summary>
    public TimeSpan VoteExpiry { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The least number of votes that declares a silo dead. The quorum is also a majority of the Active unexpired
    /// silos, capped at <see cref="ProbedSuccessors"/> (the peers that watch each silo and so can vote), and never
    /// below this: in a two-silo cluster one vote cannot kill. At most <see cref="ProbedSuccessors"/>. Default 2.
    /// </summary>
    public int VotesForDeath { get; set; } = 2;

    /// <summary>Dead silo rows older than this are deleted. Default 1 hour.</summary>
    public TimeSpan DeadRetention { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often this silo deletes expired Dead rows. Default 10 minutes.</summary>
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The heartbeat age (database clock) after which peers treat a silo as gone: lease plus margin.</summary>
    public TimeSpan LeaseExpiry => LeaseDuration + LeaseMargin;

    internal DeathRule DeathRule => new(LeaseExpiry, VoteExpiry, VotesForDeath, ProbedSuccessors);
}
