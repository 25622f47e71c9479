namespace CsmsCluster.Contracts;

/// <summary>A charge point as the API shows it.</summary>
public sealed record ChargePointView
{
    /// <summary>The charge point id.</summary>
    public required string Id { get; init; }

    /// <summary>Whether the charge point was registered through the API.</summary>
    public bool Registered { get; init; }

    /// <summary>The site it belongs to.</summary>
    public string? SiteId { get; init; }

    /// <summary>Whether a socket is open now.</summary>
    public bool Connected { get; init; }

    /// <summary>The negotiated OCPP version of the current or last connection.</summary>
    public string? OcppVersion { get; init; }

    /// <summary>Boot information from the last BootNotification.</summary>
    public BootInfo? Boot { get; init; }

    /// <summary>When the charger last sent anything.</summary>
    public DateTimeOffset? LastSeen { get; init; }

    /// <summary>Hardware maximum in A per phase.</summary>
    public decimal? MaxCurrent { get; init; }

    /// <summary>Number of phases.</summary>
    public int? Phases { get; init; }

    /// <summary>The security profile the charger must use (null: Basic auth only if a password is set).</summary>
    public int? SecurityProfile { get; init; }

    /// <summary>Whether a Basic-auth password is set (the password itself is never shown).</summary>
    public bool HasPassword { get; init; }

    /// <summary>The connectors, by id (0 is the charge point as a whole).</summary>
    public IReadOnlyList<ConnectorView> Connectors { get; init; } = [];
}
