using CsmsCluster.Ocpp;

namespace CsmsCluster.Domain.ChargePoints;

/// <summary>What a handler of a charger-initiated call may read and change: the grain's state, within its turn.</summary>
public sealed class ChargerCallContext(
    string chargePointId, ChargePointState state, OcppVersion version, DateTimeOffset now, ChargePointOptions options, Func<bool, Task> save)
{
    /// <summary>The charge point id.</summary>
    public string ChargePointId { get; } = chargePointId;

    /// <summary>The grain's state; changes are written when the handler marks them.</summary>
    public ChargePointState State { get; } = state;

    /// <summary>The OCPP version of the connection the call came on.</summary>
    public OcppVersion Version { get; } = version;

    /// <summary>When the call was received.</summary>
    public DateTimeOffset Now { get; } = now;

    /// <summary>The charge point options.</summary>
    public ChargePointOptions Options { get; } = options;

    /// <summary>Whether the state changed and must be written after the handler.</summary>
    public bool StateChanged { get; private set; }

    /// <summary>Whether the directory projection must be updated too.</summary>
    public bool DirectoryChanged { get; private set; }

    /// <summary>Marks the state changed; it is written before the reply is sent.</summary>
    public void MarkChanged(bool directory = false)
    {
        StateChanged = true;
        DirectoryChanged |= directory;
    }

    /// <summary>Writes the state now, for handlers whose later steps must follow a durable state change.</summary>
    public async Task SaveNowAsync()
    {
        await save(DirectoryChanged);
        StateChanged = false;
        DirectoryChanged = false;
    }
}
