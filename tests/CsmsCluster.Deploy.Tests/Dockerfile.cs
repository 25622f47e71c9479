using System.Text;

namespace CsmsCluster.Deploy.Tests;

/// <summary>The repository's Dockerfile as instructions, grouped by build stage.</summary>
internal sealed class Dockerfile
{
    private Dockerfile(IReadOnlyList<DockerStage> stages) => Stages = stages;

    /// <summary>The stages in order.</summary>
    public IReadOnlyList<DockerStage> Stages { get; }

    /// <summary>The stage named with <c>AS name</c>.</summary>
    public DockerStage Stage(string name) => Assert.Single(Stages, s => s.Name == name);

    /// <summary>Reads the Dockerfile at the repository root.</summary>
    public static Dockerfile Load()
    {
        var stages = new List<DockerStage>();
        var logical = new StringBuilder();
        foreach (var raw in Repository.Read("Dockerfile").Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (logical.Length == 0 && (line.TrimStart().StartsWith('#') || string.IsNullOrWhiteSpace(line)))
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                logical.Append(line[..^1]).Append(' ');
                continue;
            }

            logical.Append(line);
            var text = string.Join(' ', logical.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
            logical.Clear();
            var space = text.IndexOf(' ', StringComparison.Ordinal);
            var instruction = new DockerInstruction(text[..space].ToUpperInvariant(), text[(space + 1)..]);
            if (instruction.Keyword == "FROM")
            {
                // FROM [--platform=...] image [AS name]
                var flags = instruction.Arguments.Split(' ').TakeWhile(w => w.StartsWith("--", StringComparison.Ordinal)).ToList();
                var words = instruction.Arguments.Split(' ').Skip(flags.Count).ToArray();
                var platform = flags.Select(f => f.Split('=', 2)).Where(f => f[0] == "--platform").Select(f => f[1]).SingleOrDefault();
                stages.Add(new DockerStage(words[0], words.Length == 3 && words[1].Equals("AS", StringComparison.OrdinalIgnoreCase) ? words[2] : null, [])
                {
                    Platform = platform,
                });
            }
            else
            {
                Assert.NotEmpty(stages);
                stages[^1].Instructions.Add(instruction);
            }
        }

        return new Dockerfile(stages);
    }
}
