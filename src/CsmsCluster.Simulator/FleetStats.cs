namespace CsmsCluster.Simulator;

/// <summary>Running totals of a fleet, updated lock-free by every charger.</summary>
public sealed class FleetStats
{
    private long _connected;
    private long _connects;
    private long _connectFailures;
    private long _refused503;
    private long _unexpectedDisconnects;
    private long _bootsAccepted;
    private long _bootsPending;
    private long _bootsRejected;
    private long _callsSent;
    private long _callErrors;
    private long _callTimeouts;
    private long _csmsCallsAnswered;
    private long _messagesIn;
    private long _messagesOut;

    /// <summary>Sockets open now.</summary>
    public long Connected => Volatile.Read(ref _connected);

    /// <summary>Successful WebSocket upgrades.</summary>
    public long Connects => Volatile.Read(ref _connects);

    /// <summary>Failed connection attempts (any reason, 503 included).</summary>
    public long ConnectFailures => Volatile.Read(ref _connectFailures);

    /// <summary>Upgrades refused with HTTP 503.</summary>
    public long Refused503 => Volatile.Read(ref _refused503);

    /// <summary>Connections that ended without the fleet asking for it.</summary>
    public long UnexpectedDisconnects => Volatile.Read(ref _unexpectedDisconnects);

    /// <summary>BootNotifications answered Accepted.</summary>
    public long BootsAccepted => Volatile.Read(ref _bootsAccepted);

    /// <summary>BootNotifications answered Pending.</summary>
    public long BootsPending => Volatile.Read(ref _bootsPending);

    /// <summary>BootNotifications answered Rejected.</summary>
    public long BootsRejected => Volatile.Read(ref _bootsRejected);

    /// <summary>CALLs sent by chargers.</summary>
    public long CallsSent => Volatile.Read(ref _callsSent);

    /// <summary>Charger CALLs answered with CALLERROR.</summary>
    public long CallErrors => Volatile.Read(ref _callErrors);

    /// <summary>Charger CALLs without an answer in time (or cut by a disconnect).</summary>
    public long CallTimeouts => Volatile.Read(ref _callTimeouts);

    /// <summary>CSMS-initiated CALLs answered.</summary>
    public long CsmsCallsAnswered => Volatile.Read(ref _csmsCallsAnswered);

    /// <summary>Frames received.</summary>
    public long MessagesIn => Volatile.Read(ref _messagesIn);

    /// <summary>Frames sent.</summary>
    public long MessagesOut => Volatile.Read(ref _messagesOut);

    internal void Opened()
    {
        Interlocked.Increment(ref _connected);
        Interlocked.Increment(ref _connects);
    }

    internal void Closed(bool expected)
    {
        Interlocked.Decrement(ref _connected);
        if (!expected)
        {
            Interlocked.Increment(ref _unexpectedDisconnects);
        }
    }

    internal void ConnectFailed(bool refused503)
    {
        Interlocked.Increment(ref _connectFailures);
        if (refused503)
        {
            Interlocked.Increment(ref _refused503);
        }
    }

    internal void Boot(string status)
    {
        switch (status)
        {
            case "Accepted":
                Interlocked.Increment(ref _bootsAccepted);
                break;
            case "Pending":
                Interlocked.Increment(ref _bootsPending);
                break;
            default:
                Interlocked.Increment(ref _bootsRejected);
                break;
        }
    }

    internal void CallSent() => Interlocked.Increment(ref _callsSent);

    internal void CallFailed(CallOutcome outcome) =>
        Interlocked.Increment(ref outcome == CallOutcome.Error ? ref _callErrors : ref _callTimeouts);

    internal void CsmsCallAnswered() => Interlocked.Increment(ref _csmsCallsAnswered);

    internal void In() => Interlocked.Increment(ref _messagesIn);

    internal void Out() => Interlocked.Increment(ref _messagesOut);
}
