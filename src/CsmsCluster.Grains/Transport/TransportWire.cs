using System.Net;
using System.Text.Json;

namespace CsmsCluster.Grains.Transport;

/// <summary>
/// The grain transport's wire format: one HTTP/2 POST per call to <see cref="CallPath"/>. The request body is
/// <c>{"type","key","interface","method","timeoutMs","view","chain":[[type,key]...],"args":[...]}</c>; a 200 answer's
/// body is the result (JSON <c>null</c> without one). Every other answer carries
/// <c>{"error","type","message","view"}</c> and its status says what happened to the call.
/// </summary>
internal static class TransportWire
{
    public const string CallPath = "/cluster/v1/call";
    public const string ProbePath = "/cluster/v1/probe";
    public const string SiloIdHeader = "x-csms-silo";

    /// <summary>How each failure travels: status, error kind, and whether the call provably did not run.</summary>
    public static (HttpStatusCode Status, string Kind) Classify(Exception exception) => exception switch
    {
        GrainNotOwnerException => (HttpStatusCode.MisdirectedRequest, "notOwner"),
        GrainOverloadedException => (HttpStatusCode.TooManyRequests, "overloaded"),
        GrainUnavailableException => (HttpStatusCode.ServiceUnavailable, "unavailable"),
        GrainCallTimeoutException => (HttpStatusCode.GatewayTimeout, "timeout"),
        GrainDeadlockException => (HttpStatusCode.Conflict, "deadlock"),
        _ => (HttpStatusCode.InternalServerError, "application"),
    };

    /// <summary>Rebuilds the exception a failure answer stands for on the caller's side.</summary>
    public static Exception ToException(HttpStatusCode status, ReadOnlySpan<byte> body, GrainId target)
    {
        string? kind = null, type = null, message = null;
        long view = 0;
        try
        {
            var reader = new Utf8JsonReader(body);
            if (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString();
                    reader.Read();
                    switch (name)
                    {
                        case "error": kind = reader.GetString(); break;
                        case "type": type = reader.GetString(); break;
                        case "message": message = reader.GetString(); break;
                        case "view": view = reader.TokenType == JsonTokenType.Number ? reader.GetInt64() : 0; break;
                        default: reader.Skip(); break;
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not our error body (e.g. a proxy's page): fall back on the status code alone.
        }

        message ??= $"The silo hosting {target} answered {(int)status}.";
        return (status, kind) switch
        {
            (HttpStatusCode.MisdirectedRequest, _) => new GrainNotOwnerException(message, view),
            (HttpStatusCode.TooManyRequests, _) => new GrainOverloadedException(message),
            (HttpStatusCode.ServiceUnavailable, _) => new GrainUnavailableException(message),
            (HttpStatusCode.GatewayTimeout, _) => new GrainCallTimeoutException(message),
            (HttpStatusCode.Conflict, "deadlock") => new GrainDeadlockException(message),
            (HttpStatusCode.InternalServerError, "application") => RebuildApplicationError(type ?? string.Empty, message),
            _ => new GrainUnavailableException($"The silo hosting {target} answered {(int)status}: {message}"),
        };
    }

    public static void WriteError(Utf8JsonWriter writer, string kind, Exception exception, long view)
    {
        writer.WriteStartObject();
        writer.WriteString("error", kind);
        writer.WriteString("type", exception.GetType().FullName);
        writer.WriteString("message", exception.Message);
        writer.WriteNumber("view", view);
        writer.WriteEndObject();
    }

    // The exception types grain code and callers rely on keep their type across the wire; others keep their name.
    private static Exception RebuildApplicationError(string type, string message) => type switch
    {
        "System.InvalidOperationException" => new InvalidOperationException(message),
        "System.ArgumentException" => new ArgumentException(message),
        "System.ArgumentOutOfRangeException" => new ArgumentOutOfRangeException(null, message),
        "System.Collections.Generic.KeyNotFoundException" => new KeyNotFoundException(message),
        "System.NotSupportedException" => new NotSupportedException(message),
        "CsmsCluster.Grains.InconsistentStateException" => new InconsistentStateException(message),
        _ => new RemoteGrainException(type, message),
    };
}
