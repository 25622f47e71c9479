namespace CsmsCluster.SmartCharging;

/// <summary>
/// Spec "Allocation" step 3: priority descending, then rotation: admitted sessions protected for T_rot, then the
/// waiting (oldest first), then sessions served T_rot or longer, longest-served last so they yield their place first,
/// then sessions that yielded their place less than T_rot ago (they take free room, but wait their turn to displace
/// anyone). Ties fall to the session start and finally the connector id, so the order is total and deterministic.
/// </summary>
/// <remarks>
/// Without the last group a session that just yielded would be "waiting" at the next run and displace the next
/// long-served session, which would then do the same: one rotation would send every served session to 0 and back.
/// </remarks>
internal sealed class RotationOrder(DateTimeOffset now, TimeSpan rotationPeriod) : IComparer<Candidate>
{
    private const int Protected = 0;
    private const int Waiting = 1;
    private const int Served = 2;
    private const int Yielded = 3;

    public int Compare(Candidate? x, Candidate? y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var result = y.Priority.CompareTo(x.Priority);
        if (result != 0)
        {
            return result;
        }
        var (a, b) = (x.Input.Session!, y.Input.Session!);
        var group = Group(a);
        result = group.CompareTo(Group(b));
        if (result == 0)
        {
            result = group switch
            {
                Protected => Compare(a.AdmittedSince, b.AdmittedSince, a.Start, b.Start),
                Waiting or Yielded => Compare(a.QueuedSince ?? a.Start, b.QueuedSince ?? b.Start, a.Start, b.Start),
                // Reversed: the most recently admitted first, and among equals the newer session first, so the
                // session that has been served longest is last and drops out (TV4: k1, then k2, then k3).
                _ => Compare(b.AdmittedSince, a.AdmittedSince, b.Start, a.Start),
            };
        }
        return result != 0 ? result : string.CompareOrdinal(x.Id, y.Id);
    }

    private static int Compare(DateTimeOffset? first, DateTimeOffset? second, DateTimeOffset firstStart, DateTimeOffset secondStart)
    {
        var result = Nullable.Compare(first, second);
        return result != 0 ? result : firstStart.CompareTo(secondStart);
    }

    private int Group(ActiveSession session) => session.AdmittedSince switch
    {
        // Queued after being admitted: its turn comes T_rot after it yielded, like everyone else's.
        null when session.QueuedSince is { } queued && now - queued < rotationPeriod => Yielded,
        null => Waiting,
        // Strictly less than T_rot: at exactly T_rot a queued session may take the place (TV4 at t900).
        { } since when now - since < rotationPeriod => Protected,
        _ => Served,
    };
}
