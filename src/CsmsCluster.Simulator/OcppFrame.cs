using System.Text.Json;

namespace CsmsCluster.Simulator;

/// <summary>A received OCPP-J frame; <see cref="Payload"/> is detached from the receive buffer.</summary>
public readonly record struct OcppFrame(int MessageType, string UniqueId, string? Action, JsonElement Payload, string? ErrorCode)
{
    /// <summary>Parses a frame, or returns null when it is not one.</summary>
    public static OcppFrame? Parse(ReadOnlyMemory<byte> message)
    {
        try
        {
            using var document = JsonDocument.Parse(message);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() < 3 || root[0].ValueKind != JsonValueKind.Number)
            {
                return null;
            }

            var type = root[0].GetInt32();
            var id = root[1].GetString() ?? "";
            return type switch
            {
                2 when root.GetArrayLength() >= 4 => new OcppFrame(2, id, root[2].GetString(), root[3].Clone(), null),
                3 => new OcppFrame(3, id, null, root[2].Clone(), null),
                4 => new OcppFrame(4, id, null, default, root[2].GetString()),
                _ => null,
            };
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
