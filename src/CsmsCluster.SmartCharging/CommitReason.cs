namespace CsmsCluster.SmartCharging;

/// <summary>Why <see cref="CommitPlanner"/> sends or holds a connector's new limit.</summary>
public enum CommitReason
{
    /// <summary>Target equals the installed (or pending) limit.</summary>
    Unchanged,

    /// <summary>A decrease that is sent at once (>= DB, to 0, or required by a limit).</summary>
    Decrease,

    /// <summary>An increase whose conditions all hold.</summary>
    Increase,


    /// <summary>The change is smaller than the dead band and not mandatory.</summary>
    WithinDeadBand,

    /// <summary>An increase waits until every pending decrease on the site is Accepted.</summary>
    AwaitingDecreases,

    /// <summary>An increase waits for the settle time after the last Accepted decrease.</summary>
    Settling,

    /// <summary>An increase from a continuous signal waits until it has held T_hold.</summary>
    Holding,

    /// <summary>The connector was sent a profile less than the minimum interval ago.</summary>
    RateLimited,

    /// <summary>
    /// An increase smaller than the dead band raised to exactly the dead band (at most the cap), because every
    /// constraint has room for it: freed capacity goes out instead of staying unsent (see the loop's DeadBandIncreases).
    /// </summary>
    RoundedIncrease,
}
