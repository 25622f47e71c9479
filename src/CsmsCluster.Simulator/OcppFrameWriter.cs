using System.Buffers;
using System.Text.Json;

namespace CsmsCluster.Simulator;

/// <summary>Writes OCPP-J frames with one reused buffer per thread (the write is synchronous, so it never escapes).</summary>
public static class OcppFrameWriter
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary><c>[2, id, action, payload]</c>.</summary>
    public static byte[] Call<TState>(string uniqueId, string action, TState state, Action<Utf8JsonWriter, TState> payload) =>
        Write(w =>
        {
            w.WriteNumberValue(2);
            w.WriteStringValue(uniqueId);
            w.WriteStringValue(action);
            w.WriteStartObject();
            payload(w, state);
            w.WriteEndObject();
        });

    /// <summary><c>[3, id, payload]</c>.</summary>
    public static byte[] Result<TState>(string uniqueId, TState state, Action<Utf8JsonWriter, TState> payload) =>
        Write(w =>
        {
            w.WriteNumberValue(3);
            w.WriteStringValue(uniqueId);
            w.WriteStartObject();
            payload(w, state);
            w.WriteEndObject();
        });

    /// <summary><c>[4, id, code, description, {}]</c>.</summary>
    public static byte[] Error(string uniqueId, string code, string description) =>
        Write(w =>
        {
            w.WriteNumberValue(4);
            w.WriteStringValue(uniqueId);
            w.WriteStringValue(code);
            w.WriteStringValue(description);
            w.WriteStartObject();
            w.WriteEndObject();
        });

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        writer.WriteStartArray();
        body(writer);
        writer.WriteEndArray();
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }
}
