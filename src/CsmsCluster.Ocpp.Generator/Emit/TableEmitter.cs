using CsmsCluster.Ocpp.Generator.Model;

namespace CsmsCluster.Ocpp.Generator.Emit;

/// <summary>Emits the per-version lookup code: the source-generated JSON context and the table of messages.</summary>
internal static class TableEmitter
{
    public static string JsonContext(VersionModel version, string title)
    {
        var code = new CodeWriter(title, "System.Text.Json.Serialization", "CsmsCluster.Ocpp.Serialization");
        code.Line($"namespace {version.Namespace};").Line();
        code.Line("/// <summary>");
        code.Line($"/// Source-generated System.Text.Json metadata for every {title} type. Optional properties that are");
        code.Line("/// <see langword=\"null\"/> are omitted and timestamps are written in UTC as <c>2026-01-02T03:04:05.123Z</c>.");
        code.Line("/// </summary>");
        code.Line("[JsonSourceGenerationOptions(");
        code.Line("    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,");
        code.Line("    Converters = new[] { typeof(OcppDateTimeOffsetConverter) })]");
        foreach (var name in version.Objects.Select(o => o.Name).Concat(version.Enums.Select(e => e.Name)).Order(StringComparer.Ordinal))
        {
            code.Line($"[JsonSerializable(typeof({name}))]");
        }

        code.Line($"public sealed partial class {version.Prefix}JsonContext : JsonSerializerContext;");
        return code.ToString();
    }

    public static string Messages(VersionModel version, string title)
    {
        var code = new CodeWriter(title, "CsmsCluster.Ocpp.Validation");
        code.Line($"namespace {version.Namespace};").Line();
        code.Line($"/// <summary>Every {title} action with its request and response validators and types.</summary>");
        code.Open($"internal static class {version.Prefix}Messages");
        code.Line("/// <summary>The actions, sorted ordinally.</summary>");
        code.Line("internal static OcppMessageSchema[] All { get; } =");
        code.Line("[");
        foreach (var pair in version.Messages.GroupBy(m => m.Action))
        {
            var request = pair.SingleOrDefault(m => m.IsRequest)
                ?? throw new InvalidDataException($"{version.Prefix} action {pair.Key} has no request schema.");
            var response = pair.SingleOrDefault(m => !m.IsRequest)
                ?? throw new InvalidDataException($"{version.Prefix} action {pair.Key} has no response schema.");
            code.Line($"    new(\"{pair.Key}\",");
            code.Line($"        {version.Prefix}Validators.Validate{request.Root.Name}, typeof({request.Root.Name}),");
            code.Line($"        {version.Prefix}Validators.Validate{response.Root.Name}, typeof({response.Root.Name})),");
        }

        code.Line("];");
        code.Close();
        return code.ToString();
    }
}
