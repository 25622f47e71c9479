namespace CsmsCluster.SmartCharging;

/// <summary>
/// Spec "When to send": decreases go out at once when >= DB, to 0, or required by a limit (and ignore the per-
/// connector interval); increases only once every pending decrease is Accepted plus the settle time, only when >= DB
/// (or 0 -> >= min), after T_hold for continuous triggers, and at most one send per connector per interval.
/// </summary>
public static class CommitPlanner
{
    private const double Epsilon = 1e-9;

    /// <summary>Decides, for every connector, whether its target is sent now.</summary>
    /// <param name="now">The instant.</param>
    /// <param name="connectors">Installed, pending and target limits per connector.</param>
    /// <param name="lastDecreaseAcceptedAt">When the site's last decrease was Accepted, if ever.</param>
    /// <param name="options">Send rules; defaults when null.</param>
    /// <returns>One decision per connector, in input order.</returns>
    public static IReadOnlyList<CommitDecision> Plan(
        DateTimeOffset now, IReadOnlyList<ConnectorCommitState> connectors, DateTimeOffset? lastDecreaseAcceptedAt, CommitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(connectors);
        options ??= new CommitOptions();
        // A decrease sent in this round is pending too: increases wait for its acceptance.
        var decreasesPending = connectors.Any(c => c.Pending < c.Installed - Epsilon)
            || connectors.Any(c => IsMandatoryDecrease(c, options));
        var settled = lastDecreaseAcceptedAt is null || now - lastDecreaseAcceptedAt >= options.Settle;
        return [.. connectors.Select(c => Decide(now, c, decreasesPending, settled, options))];
    }

    private static CommitDecision Decide(DateTimeOffset now, ConnectorCommitState c, bool decreasesPending, bool settled, CommitOptions options)
    {
        // While a send is pending, compare with max(old, new) as the charger may already run either (pessimistic).
        var reference = Math.Max(c.Installed, c.Pending ?? c.Installed);
        CommitReason reason;
        if (Math.Abs(c.Target - (c.Pending ?? c.Installed)) <= Epsilon)
        {
            reason = CommitReason.Unchanged;
        }
        else if (c.Target < reference - Epsilon)
        {
            reason = IsMandatoryDecrease(c, options) ? CommitReason.Decrease : CommitReason.WithinDeadBand;
        }
        else
        {
            reason = IncreaseReason(now, c, decreasesPending, settled, options);
        }
        return new CommitDecision(c.ConnectorId, reason is CommitReason.Decrease or CommitReason.Increase, c.Target, reason);
    }

    private static bool IsMandatoryDecrease(ConnectorCommitState c, CommitOptions options)
    {
        var reference = Math.Max(c.Installed, c.Pending ?? c.Installed);
        return c.Target < reference - Epsilon
            && (c.DecreaseRequired || c.Target <= Epsilon || reference - c.Target >= options.DeadBand - Epsilon);
    }

    private static CommitReason IncreaseReason(DateTimeOffset now, ConnectorCommitState c, bool decreasesPending, bool settled, CommitOptions options)
    {
        var fromZero = c.Installed <= Epsilon && c.Target >= c.MinCurrent - Epsilon;
        if (!fromZero && c.Target - c.Installed < options.DeadBand - Epsilon)
        {
            return CommitReason.WithinDeadBand;
        }
        if (decreasesPending)
        {
            return CommitReason.AwaitingDecreases;
        }
        if (!settled)
        {
            return CommitReason.Settling;
        }
        if (c.ContinuousSince is { } since && now - since < options.Hold)
        {
            return CommitReason.Holding;
        }
        return c.LastSentAt is { } sent && now - sent < options.MinInterval ? CommitReason.RateLimited : CommitReason.Increase;
    }
}
