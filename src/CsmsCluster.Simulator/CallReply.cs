using System.Text.Json;

namespace CsmsCluster.Simulator;

/// <summary>The answer to a charger's CALL: its outcome and, for a result, the payload.</summary>
public readonly record struct CallReply(CallOutcome Outcome, JsonElement Payload, bool Echoed)
{
    /// <summary>A reply without payload.</summary>
    public static CallReply Of(CallOutcome outcome) => new(outcome, default, false);

    /// <summary>A string property of the payload, or null.</summary>
    public string? GetString(string name) =>
        Payload.ValueKind == JsonValueKind.Object && Payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
