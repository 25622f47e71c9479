namespace CsmsCluster.Grains.Cluster;

/// <summary>
/// The cluster membership table of one service (the database is the source of truth). Every status change is a
/// compare-and-swap on the cluster version: it succeeds only when the version is still <c>expectedVersion</c>, and
/// then increments it. All times and ages come from the database clock.
/// </summary>
public interface IMembershipStore
{
    /// <summary>Reads the cluster version and every silo row in one consistent statement.</summary>
    Task<MembershipSnapshot> ReadAsync(CancellationToken cancellationToken);

    /// <summary>Inserts <paramref name="silo"/> as Joining (heartbeat and start time now) if the version is still
    /// <paramref name="expectedVersion"/> (0 creates the cluster row).</summary>
    /// <returns>False on a version conflict.</returns>
    /// <exception cref="InvalidOperationException">The silo id already exists (ids are never reused).</exception>
    Task<bool> TryInsertJoiningAsync(SiloRegistration silo, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>Moves <paramref name="siloId"/> from <paramref name="from"/> to a later status <paramref name="to"/>.</summary>
    /// <returns>False when the version changed or the silo is not in <paramref name="from"/>.</returns>
    Task<bool> TryChangeStatusAsync(string siloId, SiloStatus from, SiloStatus to, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>
    /// Renews the silo's heartbeat unless it is Dead. Blocking I/O: the membership agent renews its lease from a thread
    /// of its own, so a node whose thread pool is overloaded for seconds (a connect storm) does not lose its lease
    /// while it is alive and reaches the database.
    /// </summary>
    /// <returns>The silo's status after the call (Dead means: fence now), or null when the row is gone.</returns>
    SiloStatus? Heartbeat(string siloId);

    /// <summary>Records (or refreshes) <paramref name="voterId"/>'s vote that <paramref name="suspectId"/> is dead.</summary>
    /// <returns>False when the voter is not Active (a Dead silo cannot vote) or votes against itself.</returns>
    Task<bool> VoteAsync(string suspectId, string voterId, CancellationToken cancellationToken);

    /// <summary>Declares <paramref name="suspectId"/> Dead if <paramref name="rule"/> allows it, checked in SQL in the same
    /// transaction as the compare-and-swap on <paramref name="expectedVersion"/>.</summary>
    Task<DeathDeclarationResult> TryDeclareDeadAsync(string suspectId, DeathRule rule, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>Records that <paramref name="siloId"/> has adopted the view of cluster version <paramref name="version"/>
    /// (never moves backwards; not a status change, so the version is not incremented).</summary>
    Task AcknowledgeAsync(string siloId, long version, CancellationToken cancellationToken);

    /// <summary>Deletes Dead silos (and votes by or about them) whose death is older than <paramref name="retention"/>.</summary>
    /// <returns>The number of silo rows deleted.</returns>
    Task<int> RemoveDeadAsync(TimeSpan retention, CancellationToken cancellationToken);
}
