namespace CsmsCluster.Deploy.Tests;

/// <summary>One <c>FROM</c> stage of a Dockerfile.</summary>
internal sealed record DockerStage(string BaseImage, string? Name, List<DockerInstruction> Instructions)
{
    /// <summary>The stage's <c>--platform</c> flag, if it has one.</summary>
    public string? Platform { get; init; }

    /// <summary>The arguments of every instruction with this keyword.</summary>
    public IEnumerable<string> All(string keyword) => Instructions.Where(i => i.Keyword == keyword).Select(i => i.Arguments);

    /// <summary>The ENV assignments of the stage (KEY=value form).</summary>
    public Dictionary<string, string> Environment() =>
        All("ENV").SelectMany(SplitAssignments).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);

    private static IEnumerable<KeyValuePair<string, string>> SplitAssignments(string arguments)
    {
        var rest = arguments.Trim();
        while (rest.Length > 0)
        {
            var equals = rest.IndexOf('=', StringComparison.Ordinal);
            var key = rest[..equals];
            rest = rest[(equals + 1)..];
            string value;
            if (rest.StartsWith('"'))
            {
                var close = rest.IndexOf('"', 1);
                value = rest[1..close];
                rest = rest[(close + 1)..].TrimStart();
            }
            else
            {
                var space = rest.IndexOf(' ', StringComparison.Ordinal);
                value = space < 0 ? rest : rest[..space];
                rest = space < 0 ? "" : rest[(space + 1)..].TrimStart();
            }

            yield return new KeyValuePair<string, string>(key, value);
        }
    }
}
