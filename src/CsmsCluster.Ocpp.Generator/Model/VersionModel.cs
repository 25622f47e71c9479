namespace CsmsCluster.Ocpp.Generator.Model;

/// <summary>Everything generated for one OCPP version.</summary>
/// <param name="Prefix">The prefix of per-version names and the output folder: <c>V16</c> or <c>V201</c>.</param>
/// <param name="Messages">Every message, sorted by action then request before response.</param>
/// <param name="Objects">Every class, sorted by name.</param>
/// <param name="Enums">Every enum, sorted by name.</param>
internal sealed record VersionModel(
    string Prefix,
    IReadOnlyList<MessageModel> Messages,
    IReadOnlyList<GeneratedObject> Objects,
    IReadOnlyList<GeneratedEnum> Enums)
{
    public string Namespace => $"CsmsCluster.Ocpp.{Prefix}";
}
