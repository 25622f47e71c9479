namespace CsmsCluster.Simulator;

/// <summary>What a charger's timer is for.</summary>
public enum TimerKind
{
    /// <summary>Send a Heartbeat.</summary>
    Heartbeat,

    /// <summary>Send MeterValues for the connector in the argument.</summary>
    MeterValues,

    /// <summary>An EV arrives at the connector in the argument.</summary>
    SessionStart,

    /// <summary>The EV at the connector in the argument leaves.</summary>
    SessionStop,

    /// <summary>Retry a BootNotification answered Pending.</summary>
    BootRetry,

    /// <summary>Send StatusNotification for the connector in the argument (TriggerMessage).</summary>
    Status,

    /// <summary>Complete a delay task.</summary>
    Delay,

    /// <summary>Send one Heartbeat now (TriggerMessage); the periodic heartbeat keeps its own schedule.</summary>
    TriggeredHeartbeat,

    /// <summary>Send one MeterValues now for the connector in the argument (TriggerMessage).</summary>
    TriggeredMeterValues,

    /// <summary>Send one BootNotification now (TriggerMessage); heartbeats and sessions keep their schedules.</summary>
    TriggeredBoot,
}
