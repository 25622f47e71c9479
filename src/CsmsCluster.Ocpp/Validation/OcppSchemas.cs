using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization.Metadata;
using CsmsCluster.Ocpp.V16;
using CsmsCluster.Ocpp.V201;
using CsmsCluster.Ocpp.Validation;

namespace CsmsCluster.Ocpp;

/// <summary>
/// The compiled schema validators and payload types of every action of every version. The tables are built once,
/// on first use, from the code that <c>CsmsCluster.Ocpp.Generator</c> emitted from <c>schemas/</c>.
/// </summary>
public static class OcppSchemas
{
    private static readonly FrozenDictionary<string, Entry> V16Entries = Build(OcppVersion.V16, V16Messages.All);
    private static readonly FrozenDictionary<string, Entry> V201Entries = Build(OcppVersion.V201, V201Messages.All);
    private static readonly IReadOnlyCollection<string> V16Actions = SortedActions(V16Messages.All);
    private static readonly IReadOnlyCollection<string> V201Actions = SortedActions(V201Messages.All);

    /// <summary>Finds the validator of one payload.</summary>
    /// <param name="version">The version of the connection.</param>
    /// <param name="action">The action, matched case-sensitively as OCPP action names are.</param>
    /// <param name="kind">Request (CALL payload) or response (CALLRESULT payload).</param>
    /// <param name="validator">The validator, when the version has the action.</param>
    /// <returns><see langword="false"/> when <paramref name="version"/> has no such action (answer a CALL with <c>NotImplemented</c>).</returns>
    public static bool TryGetValidator(
        OcppVersion version, string action, OcppPayloadKind kind, [MaybeNullWhen(false)] out IOcppPayloadValidator validator)
    {
        if (Entries(version).TryGetValue(action, out var entry))
        {
            validator = kind == OcppPayloadKind.Request ? entry.Request : entry.Response;
            return true;
        }

        validator = null;
        return false;
    }

    /// <summary>Finds the source-generated serialization metadata of one payload type, e.g. for <c>StartTransactionRequest</c>.</summary>
    /// <param name="version">The version of the connection.</param>
    /// <param name="action">The action.</param>
    /// <param name="kind">Request or response.</param>
    /// <param name="typeInfo">The metadata from <c>V16JsonContext</c> or <c>V201JsonContext</c>.</param>
    /// <returns><see langword="false"/> when <paramref name="version"/> has no such action.</returns>
    public static bool TryGetPayloadType(
        OcppVersion version, string action, OcppPayloadKind kind, [MaybeNullWhen(false)] out JsonTypeInfo typeInfo)
    {
        if (Entries(version).TryGetValue(action, out var entry))
        {
            var type = kind == OcppPayloadKind.Request ? entry.RequestType : entry.ResponseType;
            typeInfo = version == OcppVersion.V16 ? V16JsonContext.Default.GetTypeInfo(type)! : V201JsonContext.Default.GetTypeInfo(type)!;
            return true;
        }

        typeInfo = null;
        return false;
    }

    /// <summary>Every action of <paramref name="version"/> that has schemas, sorted ordinally.</summary>
    public static IReadOnlyCollection<string> Actions(OcppVersion version) => version switch
    {
        OcppVersion.V16 => V16Actions,
        OcppVersion.V201 => V201Actions,
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, "Unknown OCPP version."),
    };

    private static FrozenDictionary<string, Entry> Entries(OcppVersion version) => version switch
    {
        OcppVersion.V16 => V16Entries,
        OcppVersion.V201 => V201Entries,
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, "Unknown OCPP version."),
    };

    private static FrozenDictionary<string, Entry> Build(OcppVersion version, OcppMessageSchema[] messages) =>
        messages.ToFrozenDictionary(
            m => m.Action,
            m => new Entry(
                new GeneratedPayloadValidator(version, m.Action, OcppPayloadKind.Request, m.Request),
                new GeneratedPayloadValidator(version, m.Action, OcppPayloadKind.Response, m.Response),
                m.RequestType,
                m.ResponseType),
            StringComparer.Ordinal);

    private static IReadOnlyCollection<string> SortedActions(OcppMessageSchema[] messages) =>
        messages.Select(m => m.Action).Order(StringComparer.Ordinal).ToList().AsReadOnly();

    private sealed record Entry(IOcppPayloadValidator Request, IOcppPayloadValidator Response, Type RequestType, Type ResponseType);
}
