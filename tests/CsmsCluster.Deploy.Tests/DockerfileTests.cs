using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;

namespace CsmsCluster.Deploy.Tests;

/// <summary>
/// No container engine runs here, so the image build is proved in parts: every COPY source exists, the runtime
/// stage is configured as the deployment expects, and the build stage's publish command succeeds on a build
/// context staged exactly as its COPY lines (and .dockerignore) describe.
/// </summary>
public sealed class DockerfileTests
{
    /// <summary>
    /// The build stage's command, output directory aside; the test runs the same, with the architecture name BuildKit
    /// would give <c>TARGETARCH</c> on this machine.
    /// </summary>
    private const string PublishCommand = "dotnet publish src/CsmsCluster.Server -c Release -a \"$TARGETARCH\" --self-contained false -o";

    /// <summary>Assemblies of ours whose code the image must carry precompiled.</summary>
    private static readonly string[] PrecompiledAssemblies = ["CsmsCluster.Server.dll", "CsmsCluster.Grains.dll", "CsmsCluster.Gateway.dll", "CsmsCluster.Domain.dll"];

    private static readonly string[] IgnoredDirectories = ["bin", "obj", "node_modules"];
    private static readonly string[] IgnoredExtensions = [".db", ".db-shm", ".db-wal", ".user"];

    [Fact]
    public void Dockerfile_CopySources_ExistInTheRepository()
    {
        var copies = Dockerfile.Load().Stages.SelectMany(s => s.All("COPY")).Where(c => !c.StartsWith("--from", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(copies);
        foreach (var copy in copies)
        {
            var (sources, _) = SplitCopy(copy);
            Assert.All(sources, s => Assert.True(File.Exists(Repository.PathOf(s)) || Directory.Exists(Repository.PathOf(s)), $"COPY source {s} does not exist"));
        }
    }

    [Fact]
    public void Dockerfile_BuildStage_RunsTheTestedPublishCommand()
    {
        var build = Dockerfile.Load().Stage("build");
        Assert.Equal("mcr.microsoft.com/dotnet/sdk:10.0", build.BaseImage);
        // The SDK runs on the builder's own platform and compiles for the image's (ReadyToRun code is per architecture).
        Assert.Equal("$BUILDPLATFORM", build.Platform);
        Assert.Equal(["TARGETARCH"], build.All("ARG"));
        Assert.Equal([PublishCommand + " /app"], build.All("RUN"));
    }

    [Fact]
    public void Dockerfile_RuntimeStage_IsNonRootOnTheServersPortWithDataOnAVolume()
    {
        var file = Dockerfile.Load();
        var runtime = file.Stages[^1];
        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0", runtime.BaseImage);
        Assert.Equal(["--from=build /app ./"], runtime.All("COPY"));
        Assert.Equal(["$APP_UID"], runtime.All("USER"));
        Assert.Equal("USER", runtime.Instructions[^2].Keyword);
        Assert.Equal("[\"dotnet\", \"CsmsCluster.Server.dll\"]", Assert.Single(runtime.All("ENTRYPOINT")));

        var environment = runtime.Environment();
        Assert.All(environment.Keys, key => Assert.Null(ConfigurationKeys.Problem(key)));
        Assert.Equal(ServerDefaults.HttpPort, ServerDefaults.PortOf(environment["Urls"]));
        Assert.Equal(ServerDefaults.HttpPort, ServerDefaults.PortOf(environment["ASPNETCORE_URLS"]));
        Assert.Contains(ServerDefaults.HttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(runtime.All("EXPOSE")).Split(' '));
        Assert.Equal("all", environment["Csms__Role"]);
        Assert.Equal("/data", environment["Csms__Api__DataDirectory"]);
        Assert.StartsWith("/data/", environment["Csms__Security__Ca__Directory"], StringComparison.Ordinal);
        Assert.StartsWith("Data Source=/data/", environment["Csms__Storage__ConnectionString"], StringComparison.Ordinal);
        Assert.Equal(["[\"/data\"]"], runtime.All("VOLUME"));
    }

    [Fact]
    public void Dockerignore_BuildOutputAndLocalData_AreExcludedButNoCopySource()
    {
        var patterns = Repository.Read(".dockerignore").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        Assert.All(IgnoredDirectories, d => Assert.Contains($"**/{d}/", patterns));
        Assert.All(IgnoredExtensions, e => Assert.Contains($"**/*{e}", patterns));
        Assert.Contains(".git/", patterns);
        Assert.Contains("data/", patterns);

        var sources = Dockerfile.Load().Stage("build").All("COPY").SelectMany(c => SplitCopy(c).Sources);
        Assert.All(sources, s => Assert.DoesNotContain(s.TrimEnd('/'), patterns.Select(p => p.TrimEnd('/'))));
    }

    [Fact]
    public async Task Dockerfile_BuildStage_PublishesTheServerFromAContextStagedLikeDocker()
    {
        var token = TestContext.Current.CancellationToken;
        var build = Dockerfile.Load().Stage("build");
        Assert.Equal(["/src"], build.All("WORKDIR"));
        // A private copy of the context: the publish never touches the repository's bin/ and obj/ folders, which the
        // solution's build and other test runs use, and it proves the COPY lines carry everything the build needs.
        var staging = Directory.CreateTempSubdirectory("csms-docker-context-");
        try
        {
            foreach (var copy in build.All("COPY"))
            {
                var (sources, destination) = SplitCopy(copy);
                Assert.False(Path.IsPathRooted(destination), $"COPY destination {destination} should be relative to WORKDIR");
                foreach (var source in sources)
                {
                    Stage(Repository.PathOf(source), Path.Combine(staging.FullName, destination), source);
                }
            }

            var output = Path.Combine(staging.FullName, "publish-output");
            string[] arguments = [.. PublishCommand.Replace("\"$TARGETARCH\"", DockerArchitecture(), StringComparison.Ordinal).Split(' ').Skip(1), output];
            var environment = System.Environment.GetEnvironmentVariables().Keys.Cast<string>()
                .Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase))
                .ToDictionary(k => k, _ => (string?)null, StringComparer.Ordinal);
            environment["MSBUILDDISABLENODEREUSE"] = "1";
            environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            environment["DOTNET_NOLOGO"] = "1";

            var result = await ToolRunner.RunAsync("dotnet", arguments, staging.FullName, TimeSpan.FromMinutes(15), token, environment: environment);

            result.EnsureSuccess(PublishCommand);
            Assert.True(File.Exists(Path.Combine(output, "CsmsCluster.Server.dll")), "the image's entry assembly was not published");
            Assert.True(File.Exists(Path.Combine(output, "CsmsCluster.Server.runtimeconfig.json")), "the runtime configuration was not published");
            Assert.True(File.Exists(Path.Combine(output, "appsettings.json")), "appsettings.json was not published");
            Assert.All(PrecompiledAssemblies, name => Assert.True(IsReadyToRun(Path.Combine(output, name)), $"{name} was published without ReadyToRun code"));
        }
        finally
        {
            try
            {
                staging.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A lingering build process may still hold a file; the directory is in the temp folder.
            }
        }
    }

    /// <summary>This machine's architecture as BuildKit names it in <c>TARGETARCH</c> (which <c>dotnet publish -a</c> accepts).</summary>
    private static string DockerArchitecture() => RuntimeInformation.OSArchitecture switch
    {
        Architecture.X64 => "amd64",
        Architecture.Arm64 => "arm64",
        var other => throw new PlatformNotSupportedException($"No container image is built for {other}."),
    };

    /// <summary>A ReadyToRun assembly's CLI header points at its native code header; an IL-only one's does not.</summary>
    private static bool IsReadyToRun(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = new PEReader(stream);
        return reader.PEHeaders.CorHeader is { ManagedNativeHeaderDirectory.Size: > 0 };
    }

    private static (string[] Sources, string Destination) SplitCopy(string arguments)
    {
        var words = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !w.StartsWith("--", StringComparison.Ordinal)).ToArray();
        Assert.True(words.Length >= 2, $"COPY {arguments} needs a source and a destination");
        return (words[..^1], words[^1]);
    }

    private static void Stage(string source, string destinationDirectory, string relative)
    {
        if (File.Exists(source))
        {
            Directory.CreateDirectory(destinationDirectory);
            File.Copy(source, Path.Combine(destinationDirectory, Path.GetFileName(source)));
            return;
        }

        Assert.True(Directory.Exists(source), $"COPY source {relative} does not exist");
        Directory.CreateDirectory(destinationDirectory);
        foreach (var file in Directory.GetFiles(source))
        {
            if (!IgnoredExtensions.Any(e => file.EndsWith(e, StringComparison.Ordinal)))
            {
                File.Copy(file, Path.Combine(destinationDirectory, Path.GetFileName(file)));
            }
        }

        foreach (var directory in Directory.GetDirectories(source))
        {
            var name = Path.GetFileName(directory);
            if (!IgnoredDirectories.Contains(name, StringComparer.Ordinal))
            {
                Stage(directory, Path.Combine(destinationDirectory, name), $"{relative}/{name}");
            }
        }
    }
}
