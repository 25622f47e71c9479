using CsmsCluster.Ocpp.Generator;

// Usage: dotnet run --project src/CsmsCluster.Ocpp.Generator -- [--check] [schemasDir] [outputDir]
// Without directories it finds the repository (the directory with schemas/README.md) above the working directory.
var check = args.Contains("--check");
var positional = args.Where(a => a != "--check").ToArray();
if (positional.Length > 2 || positional.Any(a => a.StartsWith("--", StringComparison.Ordinal)))
{
    await Console.Error.WriteLineAsync("usage: CsmsCluster.Ocpp.Generator [--check] [schemasDir] [outputDir]");
    return 2;
}

var root = GeneratorRunner.FindRepositoryRoot(Environment.CurrentDirectory);
var schemas = positional.Length > 0 ? positional[0] : root is null ? null : Path.Combine(root, "schemas");
var output = positional.Length > 1 ? positional[1] : root is null ? null : Path.Combine(root, "src", "CsmsCluster.Ocpp", "Generated");
if (schemas is null || output is null)
{
    await Console.Error.WriteLineAsync("Cannot find the repository root (schemas/README.md); pass the directories explicitly.");
    return 2;
}

var files = GeneratorRunner.Generate(schemas);
if (check)
{
    var differences = GeneratorRunner.Check(output, files);
    foreach (var difference in differences)
    {
        Console.WriteLine(difference);
    }

    if (differences.Count > 0)
    {
        await Console.Error.WriteLineAsync($"{differences.Count} generated file(s) are out of date; run the generator without --check.");
        return 1;
    }

    Console.WriteLine($"{files.Count} generated files are up to date.");
    return 0;
}

var changes = GeneratorRunner.Write(output, files);
Console.WriteLine($"Generated {files.Count} files into {output} ({changes} changed).");
return 0;
