namespace CsmsCluster.Persistence;

/// <summary>
/// The membership statements for one database. Ages are computed in SQL from the database clock (PostgreSQL
/// <c>now()</c>; SQLite its own clock, and a SQLite deployment is a single node, so there is only one clock) and
/// compared in milliseconds, so no silo's clock ever decides whether a lease expired.
/// </summary>
internal sealed class MembershipSql
{
    public MembershipSql(StorageDatabase database)
    {
        var now = database.NowSql;
        var postgres = database is PostgresStorageDatabase;
        string Age(string column) => postgres
            ? $"CAST(extract(epoch FROM (now() - {column})) * 1000 AS bigint)"
            : $"({now} - {column})";
        var greatest = postgres ? "GREATEST" : "max";
        var least = postgres ? "LEAST" : "min";

        Read = $"""
            SELECT c.version, s.silo_id, s.address, s.port, s.role, s.status, s.started_at, s.heartbeat_at,
                   {Age("s.heartbeat_at")}, s.ack_version
            FROM membership_cluster c LEFT JOIN membership_silos s ON s.service = c.service
            WHERE c.service = @service
            """;
        InsertJoining = $"""
            INSERT INTO membership_silos (service, silo_id, address, port, role, status, started_at, heartbeat_at, status_changed_at, ack_version)
            VALUES (@service, @id, @address, @port, @role, 0, {now}, {now}, {now}, 0)
            ON CONFLICT (service, silo_id) DO NOTHING
            """;
        ChangeStatus = $"""
            UPDATE membership_silos SET status = @to, status_changed_at = {now}
            WHERE service = @service AND silo_id = @id AND status = @from
            """;
        Heartbeat = $"""
            UPDATE membership_silos SET heartbeat_at = {now}
            WHERE service = @service AND silo_id = @id AND status <> 3
            RETURNING status
            """;
        Vote = $"""
            INSERT INTO membership_votes (service, suspect_id, voter_id, voted_at)
            SELECT @service, @suspect, @voter, {now}
            WHERE @suspect <> @voter
              AND EXISTS (SELECT 1 FROM membership_silos s WHERE s.service = @service AND s.silo_id = @voter AND s.status = 1)
            ON CONFLICT (service, suspect_id, voter_id) DO UPDATE SET voted_at = excluded.voted_at
            """;
        // Dead by an expired lease, or by a quorum of fresh votes from Active voters with unexpired leases: a Dead
        // (or expired) silo's votes never count. The quorum is a majority of the Active unexpired silos, capped at the
        // number of peers that watch each silo (only they vote, so a larger quorum could never be reached and every
        // crash would wait for the lease), and never below @minVotes, so in a two-silo cluster one vote cannot kill. The one exception is mutual suspicion in a cluster of exactly
        // two live members (both reach the database but not each other, each with a fresh vote against the other):
        // then the node that ranks first (grain hosts before gateways, then the earlier start, then the smaller id) may
        // declare the other dead, and never the reverse, so exactly one of the two survives. With three or more
        // members the quorum decides alone: a node cut off from all its peers must not win by seniority.
        string GatewayRank(string alias) => $"(CASE WHEN {alias}.role = 'gateway' THEN 1 ELSE 0 END)";
        DeclareDead = $"""
            UPDATE membership_silos SET status = 3, status_changed_at = {now}
            WHERE service = @service AND silo_id = @suspect AND status <> 3 AND (
                {Age("membership_silos.heartbeat_at")} > @leaseMs
                OR (SELECT count(*) FROM membership_votes v
                    JOIN membership_silos voter ON voter.service = v.service AND voter.silo_id = v.voter_id
                    WHERE v.service = @service AND v.suspect_id = @suspect AND v.voter_id <> @suspect
                      AND {Age("v.voted_at")} <= @voteMs
                      AND voter.status = 1 AND {Age("voter.heartbeat_at")} <= @leaseMs)
                   >= {greatest}(@minVotes, {least}(@watchers,
                        (SELECT count(*) FROM membership_silos a
                         WHERE a.service = @service AND a.status = 1 AND {Age("a.heartbeat_at")} <= @leaseMs) / 2 + 1))
                OR ((SELECT count(*) FROM membership_silos a
                    WHERE a.service = @service AND a.status = 1 AND {Age("a.heartbeat_at")} <= @leaseMs) = 2
                AND EXISTS (SELECT 1 FROM membership_votes v
                    JOIN membership_votes back ON back.service = v.service AND back.suspect_id = v.voter_id AND back.voter_id = v.suspect_id
                    JOIN membership_silos voter ON voter.service = v.service AND voter.silo_id = v.voter_id
                    WHERE v.service = @service AND v.suspect_id = @suspect AND v.voter_id <> @suspect
                      AND {Age("v.voted_at")} <= @voteMs AND {Age("back.voted_at")} <= @voteMs
                      AND voter.status = 1 AND {Age("voter.heartbeat_at")} <= @leaseMs
                      AND ({GatewayRank("voter")} < {GatewayRank("membership_silos")}
                           OR ({GatewayRank("voter")} = {GatewayRank("membership_silos")}
                               AND (voter.started_at < membership_silos.started_at
                                    OR (voter.started_at = membership_silos.started_at AND voter.silo_id < membership_silos.silo_id)))))))
            """;
        RemoveDead = $"""
            DELETE FROM membership_silos
            WHERE service = @service AND status = 3 AND {Age("status_changed_at")} > @retentionMs
            """;
    }

    public string Read { get; }

    public string InsertJoining { get; }

    public string ChangeStatus { get; }

    public string Heartbeat { get; }

    public string Vote { get; }

    public string DeclareDead { get; }

    public string RemoveDead { get; }

    public static string BumpVersion(long expectedVersion) => expectedVersion == 0
        ? "INSERT INTO membership_cluster (service, version) VALUES (@service, 1) ON CONFLICT (service) DO NOTHING"
        : "UPDATE membership_cluster SET version = version + 1 WHERE service = @service AND version = @expected";

    public const string ReadStatus = "SELECT status FROM membership_silos WHERE service = @service AND silo_id = @id";

    public const string Acknowledge =
        "UPDATE membership_silos SET ack_version = @version WHERE service = @service AND silo_id = @id AND ack_version < @version";

    public const string RemoveOrphanVotes = """
        DELETE FROM membership_votes
        WHERE service = @service AND (
            NOT EXISTS (SELECT 1 FROM membership_silos s WHERE s.service = membership_votes.service AND s.silo_id = membership_votes.suspect_id)
            OR NOT EXISTS (SELECT 1 FROM membership_silos s WHERE s.service = membership_votes.service AND s.silo_id = membership_votes.voter_id))
        """;
}
