using System.Text.Json.Serialization;

namespace CsmsCluster.Api;

/// <summary>A transaction; <see cref="MeterValues"/> only on <c>GET /transactions/{id}</c>.</summary>
public sealed record TransactionDto
{
    /// <summary>The OCPP transactionId.</summary>
    public required int Id { get; init; }

    /// <summary>The charge point.</summary>
    public required string ChargePointId { get; init; }

    /// <summary>The connector.</summary>
    public required int ConnectorId { get; init; }

    /// <summary>The idTag that started it.</summary>
    public required string IdTag { get; init; }

    /// <summary>Start time as the charger sent it.</summary>
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>Stop time as the charger sent it.</summary>
    public DateTimeOffset? StopTime { get; init; }

    /// <summary>Meter at start, Wh.</summary>
    public long? MeterStart { get; init; }

    /// <summary>Meter at stop, Wh.</summary>
    public long? MeterStop { get; init; }

    /// <summary>meterStop - meterStart once stopped.</summary>
    public long? EnergyWh { get; init; }

    /// <summary>The stop reason.</summary>
    public string? StopReason { get; init; }

    /// <summary>The idTag that stopped it, if any.</summary>
    public string? StopIdTag { get; init; }

    /// <summary>The reservation it used, if any.</summary>
    public int? ReservationId { get; init; }

    /// <summary>Meter values, ordered by time.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<MeterValueDto>? MeterValues { get; init; }
}
