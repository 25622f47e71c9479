namespace CsmsCluster.Server.Tests.Telemetry;

/// <summary>One exported span: ids in lowercase hex (the parent empty for a root), its scope, name and string attributes.</summary>
public sealed record OtlpSpan(
    string TraceId, string SpanId, string ParentSpanId, string Scope, string Name, IReadOnlyDictionary<string, string> Attributes, IReadOnlyList<string> LinkedTraceIds)
{
    public string? Attribute(string key) => Attributes.TryGetValue(key, out var value) ? value : null;
}
