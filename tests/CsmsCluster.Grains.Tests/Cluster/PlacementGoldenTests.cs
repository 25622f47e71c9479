using System.Diagnostics;
using CsmsCluster.Grains.Cluster;

namespace CsmsCluster.Grains.Tests.Cluster;

/// <summary>
/// G9: every process (silo, gateway, another build) must compute the same owner for a grain. The golden values are
/// the contract: they were computed once from this implementation and are frozen; a change to the stable hash, the
/// weight function or the tie rule breaks this test on purpose (it would move grains during a rolling upgrade).
/// </summary>
public sealed class PlacementGoldenTests
{
    private const string SiloIds = "silo-a,silo-b,silo-c,silo-d,silo-e";

    // grain id, owner among SiloIds, GrainId.StableHash; frozen.
    private static readonly (string Grain, string Owner, ulong Hash)[] Golden =
    [
        ("charge-point/CP-001", "silo-c", 15530841333841924239UL),
        ("charge-point/CP-002", "silo-c", 6299614569566398289UL),
        ("site/depot-7", "silo-b", 847531695396731281UL),
        ("charge-point/ÄÖ-ü-Ladesäule", "silo-d", 12854137013836947943UL),
        ("charge-point/", "silo-e", 10246824707563834335UL),
        ("charge-point/CP-100", "silo-a", 3660489686238872157UL),
        ("charge-point/CP-101", "silo-a", 15312695498909872319UL),
        ("charge-point/CP-102", "silo-c", 9419672532210603385UL),
        ("site/north", "silo-a", 5934638513163990757UL),
        ("site/south", "silo-e", 14399979142974762005UL),
    ];

    [Fact]
    public void Owner_FixedIdsInThisProcess_MatchGoldenValues()
    {
        Assert.Equal(Golden, Golden.Select(g => Compute(g.Grain)));
    }

    [Fact]
    public async Task Owner_FixedIdsInAHelperProcess_MatchThisProcessAndGoldenValues()
    {
        var output = await RunHelperAsync(["--print-owners", SiloIds, .. Golden.Select(g => g.Grain)]);

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var fromHelper = lines.Select(l => l.Split(' ')).Select(p => (p[0], p[1], ulong.Parse(p[2], System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.Equal(Golden.Select(g => Compute(g.Grain)), fromHelper);
        Assert.Equal(Golden, fromHelper);
    }

    private static (string Grain, string Owner, ulong Hash) Compute(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var grain = new GrainId(text[..slash], text[(slash + 1)..]);
        return (text, RendezvousHashing.Owner(grain, SiloIds.Split(','))!, grain.StableHash);
    }

    // Runs tests/CsmsCluster.Grains.PlacementOwners (built with the solution; built here if missing) in its own process.
    private static async Task<string> RunHelperAsync(string[] arguments)
    {
        var ct = TestContext.Current.CancellationToken;
        var outputDirectory = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (framework, configuration) = (outputDirectory.Name, outputDirectory.Parent!.Name);
        var root = outputDirectory;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "CsmsCluster.sln")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        var project = Path.Combine(root.FullName, "tests", "CsmsCluster.Grains.PlacementOwners");
        var helper = Path.Combine(project, "bin", configuration, framework, "CsmsCluster.Grains.PlacementOwners.dll");
        if (!File.Exists(helper))
        {
            var (buildCode, buildOutput) = await RunDotnetAsync(["build", project, "-c", configuration, "--nologo", "-v", "q"], ct);
            Assert.True(buildCode == 0, $"building the helper failed:\n{buildOutput}");
        }

        var (code, output) = await RunDotnetAsync([helper, .. arguments], ct);
        Assert.True(code == 0, $"the helper exited with {code}:\n{output}");
        return output;
    }

    private static async Task<(int ExitCode, string Output)> RunDotnetAsync(string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = System.Text.Encoding.UTF8 };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
