using CsmsCluster.Grains.Cluster;

namespace CsmsCluster.Grains.Tests.Cluster;

/// <summary>
/// The membership table in memory with the SQL store's semantics (the contract tests in Persistence.Tests prove
/// those on both databases), on its own manual "database clock". <see cref="Unreachable"/> makes every call fail,
/// as if this silo lost its database connection.
/// </summary>
internal sealed class InMemoryMembershipStore(ManualTimeProvider databaseClock) : IMembershipStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Row> _silos = [];
    private readonly Dictionary<(string Suspect, string Voter), DateTimeOffset> _votes = [];
    private long _version;

    public bool Unreachable { get; set; }

    public int Heartbeats { get; private set; }

    /// <summary>Runs on the heartbeat's thread before each heartbeat (a test can block or fail it there).</summary>
    public Action? BeforeHeartbeat { get; set; }

    public Task<MembershipSnapshot> ReadAsync(CancellationToken cancellationToken) => Run(() =>
        new MembershipSnapshot(_version, [.. _silos.Values.OrderBy(r => r.Id, StringComparer.Ordinal).Select(r => r.ToEntry(Now))]));

    public Task<bool> TryInsertJoiningAsync(SiloRegistration silo, long expectedVersion, CancellationToken cancellationToken) => Run(() =>
    {
        if (_version != expectedVersion)
        {
            return false;
        }

        if (_silos.ContainsKey(silo.SiloId))
        {
            throw new InvalidOperationException($"Silo id '{silo.SiloId}' exists.");
        }

        _silos[silo.SiloId] = new Row(silo, Now);
        _version++;
        return true;
    });

    public Task<bool> TryChangeStatusAsync(string siloId, SiloStatus from, SiloStatus to, long expectedVersion, CancellationToken cancellationToken) => Run(() =>
    {
        if (to <= from)
        {
            throw new ArgumentException("Status only moves forward.", nameof(to));
        }

        if (_version != expectedVersion || !_silos.TryGetValue(siloId, out var row) || row.Status != from)
        {
            return false;
        }

        (row.Status, row.StatusChangedAt) = (to, Now);
        _version++;
        return true;
    });

    public SiloStatus? Heartbeat(string siloId)
    {
        BeforeHeartbeat?.Invoke();
        return HeartbeatCore(siloId);
    }

    private SiloStatus? HeartbeatCore(string siloId) => Run(() =>
    {
        if (!_silos.TryGetValue(siloId, out var row))
        {
            return (SiloStatus?)null;
        }

        if (row.Status != SiloStatus.Dead)
        {
            row.HeartbeatAt = Now;
            Heartbeats++;
        }

        return row.Status;
    }).GetAwaiter().GetResult(); // Run completes synchronously

    public Task<bool> VoteAsync(string suspectId, string voterId, CancellationToken cancellationToken) => Run(() =>
    {
        if (suspectId == voterId || !_silos.TryGetValue(voterId, out var voter) || voter.Status != SiloStatus.Active)
        {
            return false;
        }

        _votes[(suspectId, voterId)] = Now;
        return true;
    });

    public Task<DeathDeclarationResult> TryDeclareDeadAsync(string suspectId, DeathRule rule, long expectedVersion, CancellationToken cancellationToken) => Run(() =>
    {
        if (_version != expectedVersion)
        {
            return DeathDeclarationResult.VersionConflict;
        }

        if (!_silos.TryGetValue(suspectId, out var suspect))
        {
            return DeathDeclarationResult.NotFound;
        }

        if (suspect.Status == SiloStatus.Dead)
        {
            return DeathDeclarationResult.AlreadyDead;
        }

        bool Fresh(Row r) => r.Status == SiloStatus.Active && Now - r.HeartbeatAt <= rule.LeaseExpiry;
        var votes = _votes.Count(v => v.Key.Suspect == suspectId && v.Key.Voter != suspectId && Now - v.Value <= rule.VoteExpiry
            && _silos.TryGetValue(v.Key.Voter, out var voter) && Fresh(voter));
        var quorum = Math.Max(rule.MinimumVotes, Math.Min(rule.Watchers, _silos.Values.Count(Fresh) / 2 + 1));
        bool FreshVote(string suspect, string voter) => _votes.TryGetValue((suspect, voter), out var at) && Now - at <= rule.VoteExpiry;
        (int, DateTimeOffset, string) Rank(Row r) => (r.Role == "gateway" ? 1 : 0, r.StartedAt, r.Id);
        var mutual = _silos.Values.Count(Fresh) == 2 && _silos.Values.Any(voter => voter.Id != suspectId && Fresh(voter)
            && FreshVote(suspectId, voter.Id) && FreshVote(voter.Id, suspectId)
            && Comparer<(int, DateTimeOffset, string)>.Create((x, y) =>
                x.Item1 != y.Item1 ? x.Item1.CompareTo(y.Item1)
                : x.Item2 != y.Item2 ? x.Item2.CompareTo(y.Item2)
                : string.CompareOrdinal(x.Item3, y.Item3)).Compare(Rank(voter), Rank(suspect)) < 0);
        if (Now - suspect.HeartbeatAt <= rule.LeaseExpiry && votes < quorum && !mutual)
        {
            return DeathDeclarationResult.NotEnoughEvidence;
        }

        (suspect.Status, suspect.StatusChangedAt) = (SiloStatus.Dead, Now);
        _version++;
        return DeathDeclarationResult.Declared;
    });

    public Task AcknowledgeAsync(string siloId, long version, CancellationToken cancellationToken) => Run(() =>
    {
        if (_silos.TryGetValue(siloId, out var row))
        {
            row.Acknowledged = Math.Max(row.Acknowledged, version);
        }

        return true;
    });

    public Task<int> RemoveDeadAsync(TimeSpan retention, CancellationToken cancellationToken) => Run(() =>
    {
        var old = _silos.Values.Where(r => r.Status == SiloStatus.Dead && Now - r.StatusChangedAt > retention).ToList();
        old.ForEach(r => _silos.Remove(r.Id));
        return old.Count;
    });

    /// <summary>Writes a silo row directly, as a silo of an earlier (crashed) process would have left it.</summary>
    public void AddActive(string siloId)
    {
        lock (_lock)
        {
            _silos[siloId] = new Row(new SiloRegistration(siloId, "10.0.0.9", 11111, "silo"), Now) { Status = SiloStatus.Active };
            _version += 2;
        }
    }

    private DateTimeOffset Now => databaseClock.GetUtcNow();

    private Task<T> Run<T>(Func<T> operation)
    {
        if (Unreachable)
        {
            return Task.FromException<T>(new TimeoutException("The database is unreachable from this silo."));
        }

        lock (_lock)
        {
            return Task.FromResult(operation());
        }
    }

    private sealed class Row(SiloRegistration registration, DateTimeOffset now)
    {
        public string Id => registration.SiloId;

        public string Role => registration.Role;

        public SiloStatus Status { get; set; } = SiloStatus.Joining;

        public DateTimeOffset StartedAt { get; } = now;

        public DateTimeOffset HeartbeatAt { get; set; } = now;

        public DateTimeOffset StatusChangedAt { get; set; } = now;

        public long Acknowledged { get; set; }

        public SiloEntry ToEntry(DateTimeOffset now) => new(
            Id, registration.Address, registration.Port, registration.Role, Status, StartedAt, HeartbeatAt, now - HeartbeatAt, Acknowledged);
    }
}
