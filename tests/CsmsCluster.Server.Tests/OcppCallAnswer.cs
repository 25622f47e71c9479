using System.Text.Json;

namespace CsmsCluster.Server.Tests;

/// <summary>
/// How an <see cref="OcppTestClient"/> answers a CSMS-initiated CALL: a CALLRESULT, a CALLERROR, or nothing now
/// (<see cref="Later"/>: the test answers later with <see cref="OcppTestClient.AnswerAsync"/> or
/// <see cref="OcppTestClient.AnswerErrorAsync"/>, or never).
/// </summary>
public sealed class OcppCallAnswer
{
    private readonly Func<string, string>? _frame;

    private OcppCallAnswer(Func<string, string>? frame) => _frame = frame;

    /// <summary>No answer now.</summary>
    public static OcppCallAnswer Later { get; } = new(null);

    /// <summary>A CALLRESULT with this payload (sent as given).</summary>
    public static OcppCallAnswer Result(string payloadJson) => new(id => ResultFrame(id, payloadJson));

    /// <summary>A CALLERROR with this error code, description and details object.</summary>
    public static OcppCallAnswer Error(string errorCode, string description, string detailsJson = "{}") =>
        new(id => ErrorFrame(id, errorCode, description, detailsJson));

    /// <summary>The frame that answers the CALL <paramref name="uniqueId"/>, or null for <see cref="Later"/>.</summary>
    public string? FrameFor(string uniqueId) => _frame?.Invoke(uniqueId);

    internal static string ResultFrame(string uniqueId, string payloadJson) => $"[3,{Quote(uniqueId)},{payloadJson}]";

    internal static string ErrorFrame(string uniqueId, string errorCode, string description, string detailsJson) =>
        $"[4,{Quote(uniqueId)},{Quote(errorCode)},{Quote(description)},{detailsJson}]";

    private static string Quote(string text) => $"\"{JsonEncodedText.Encode(text)}\"";
}
