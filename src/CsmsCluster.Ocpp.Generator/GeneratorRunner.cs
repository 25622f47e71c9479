using CsmsCluster.Ocpp.Generator.Emit;
using CsmsCluster.Ocpp.Generator.Model;
using CsmsCluster.Ocpp.Generator.Naming;

namespace CsmsCluster.Ocpp.Generator;

/// <summary>Generates, writes and checks the code under <c>src/CsmsCluster.Ocpp/Generated</c>.</summary>
public static class GeneratorRunner
{
    private static readonly string[] VersionFolders = ["V16", "V201"];

    /// <summary>
    /// Generates every file from <paramref name="schemasDirectory"/> (which holds <c>1.6/</c> and <c>2.0.1/</c>).
    /// The result is deterministic: paths use <c>/</c>, contents use LF and contain no timestamps.
    /// </summary>
    /// <returns>File contents by path relative to the output directory, sorted ordinally.</returns>
    public static SortedDictionary<string, string> Generate(string schemasDirectory)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);

        // OCPP 1.6 names the request file after the action and the response file Action + "Response".
        var v16 = Directory.GetFiles(Path.Combine(schemasDirectory, "1.6"), "*.json").Select(path =>
        {
            var name = Path.GetFileNameWithoutExtension(path);
            var isResponse = name.EndsWith("Response", StringComparison.Ordinal);
            return (path, isResponse ? name[..^"Response".Length] : name, !isResponse);
        });
        Emit(new ModelBuilder("V16", TypeNamer.V16).Build(v16), "OCPP 1.6", files);

        var v201 = Directory.GetFiles(Path.Combine(schemasDirectory, "2.0.1"), "*.json").Select(path =>
        {
            var name = Path.GetFileNameWithoutExtension(path);
            var isRequest = name.EndsWith("Request", StringComparison.Ordinal);
            var isResponse = name.EndsWith("Response", StringComparison.Ordinal);
            return isRequest || isResponse
                ? (path, name[..^(isRequest ? "Request".Length : "Response".Length)], isRequest)
                : throw new InvalidDataException($"{path}: a 2.0.1 schema name must end in Request or Response.");
        });
        Emit(new ModelBuilder("V201", TypeNamer.Default).Build(v201), "OCPP 2.0.1", files);
        return files;
    }

    /// <summary>Writes <paramref name="files"/> and deletes generated files that are no longer produced.</summary>
    /// <returns>The number of files written or deleted.</returns>
    public static int Write(string outputDirectory, IReadOnlyDictionary<string, string> files)
    {
        var changes = 0;
        foreach (var (relative, content) in files)
        {
            var path = Path.Combine(outputDirectory, relative);
            if (File.Exists(path) && File.ReadAllText(path) == content)
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content);
            changes++;
        }

        foreach (var stale in ExistingFiles(outputDirectory).Where(f => !files.ContainsKey(f)))
        {
            File.Delete(Path.Combine(outputDirectory, stale));
            changes++;
        }

        return changes;
    }

    /// <summary>Compares <paramref name="files"/> with what is on disk.</summary>
    /// <returns>One line per difference (<c>missing</c>, <c>differs</c> or <c>stale</c>, then the path); empty when up to date.</returns>
    public static IReadOnlyList<string> Check(string outputDirectory, IReadOnlyDictionary<string, string> files)
    {
        var differences = new List<string>();
        foreach (var (relative, content) in files)
        {
            var path = Path.Combine(outputDirectory, relative);
            if (!File.Exists(path))
            {
                differences.Add($"missing {relative}");
            }
            else if (File.ReadAllText(path) != content)
            {
                differences.Add($"differs {relative}");
            }
        }

        differences.AddRange(ExistingFiles(outputDirectory).Where(f => !files.ContainsKey(f)).Select(f => $"stale {f}"));
        return differences;
    }

    /// <summary>Finds the repository root: the nearest directory at or above <paramref name="start"/> with <c>schemas/README.md</c>.</summary>
    public static string? FindRepositoryRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "schemas", "README.md")))
            {
                return directory.FullName;
            }
        }

        return null;
    }

    private static IEnumerable<string> ExistingFiles(string outputDirectory) =>
        VersionFolders
            .Select(folder => Path.Combine(outputDirectory, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories))
            .Select(path => Path.GetRelativePath(outputDirectory, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    private static void Emit(VersionModel version, string title, SortedDictionary<string, string> files)
    {
        var messageNames = version.Messages.Select(m => m.Root.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var type in version.Objects)
        {
            files.Add($"{version.Prefix}/{type.Name}.cs", TypeEmitter.Object(version, title, type, messageNames));
            files.Add($"{version.Prefix}/Validation/{version.Prefix}Validators.{type.Name}.cs", ValidatorEmitter.Object(version, title, type));
        }

        foreach (var type in version.Enums)
        {
            files.Add($"{version.Prefix}/{type.Name}.cs", TypeEmitter.Enum(version, title, type));
            files.Add($"{version.Prefix}/Validation/{version.Prefix}Validators.{type.Name}.cs", ValidatorEmitter.Enum(version, title, type));
        }

        files.Add($"{version.Prefix}/{version.Prefix}JsonContext.cs", TableEmitter.JsonContext(version, title));
        files.Add($"{version.Prefix}/{version.Prefix}Messages.cs", TableEmitter.Messages(version, title));
    }
}
