using System.Diagnostics;
using System.Text;

namespace CsmsCluster.Server.Tests;

/// <summary>Runs a Node.js script as a child process with a deadline, capturing its output.</summary>
public static class NodeProcess
{
    /// <summary>The repository root: the nearest directory above the test binaries that holds CsmsCluster.sln.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CsmsCluster.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No directory above {AppContext.BaseDirectory} contains CsmsCluster.sln.");
    }

    /// <summary>The node executable on PATH, or null when Node.js is not installed.</summary>
    public static string? FindNode()
    {
        var name = OperatingSystem.IsWindows() ? "node.exe" : "node";
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Append("/usr/bin").Append("/usr/local/bin"))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>
    /// Runs <c>node script args...</c> in <paramref name="workingDirectory"/>; kills the process tree if it outlives
    /// <paramref name="timeout"/> (the result then has <see cref="NodeResult.TimedOut"/> set).
    /// </summary>
    public static async Task<NodeResult> RunAsync(string node, string workingDirectory, string script, IEnumerable<string> args, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(node)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (stdout)
                {
                    stdout.AppendLine(e.Data);
                }
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (stderr)
                {
                    stderr.AppendLine(e.Data);
                }
            }
        };

        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var timedOut = false;
        using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            deadline.CancelAfter(timeout);
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                timedOut = true;
                process.Kill(entireProcessTree: true);
            }
        }

        // Drains the redirected streams (the parameterless overload waits for end of output).
        await process.WaitForExitAsync(CancellationToken.None);
        string Read(StringBuilder sb)
        {
            lock (sb)
            {
                return sb.ToString();
            }
        }

        return new NodeResult(timedOut ? -1 : process.ExitCode, timedOut, Read(stdout), Read(stderr));
    }
}

/// <summary>How a Node.js run ended.</summary>
public sealed record NodeResult(int ExitCode, bool TimedOut, string StandardOutput, string StandardError)
{
    public override string ToString() =>
        $"exit code {ExitCode}{(TimedOut ? " (killed after the timeout)" : string.Empty)}\n--- stdout ---\n{StandardOutput}\n--- stderr ---\n{StandardError}";
}
