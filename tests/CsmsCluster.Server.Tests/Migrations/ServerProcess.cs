using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace CsmsCluster.Server.Tests.Migrations;

/// <summary>
/// The server as a separate process (<c>dotnet CsmsCluster.Server.dll</c> from the test's output folder) on a dynamic
/// loopback port, its output captured. Disposing kills it.
/// </summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly DirectoryInfo _dataDirectory;

    private ServerProcess(Process process, DirectoryInfo dataDirectory)
    {
        _process = process;
        _dataDirectory = dataDirectory;
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.Exited += (_, _) => _listening.TrySetException(new InvalidOperationException($"The server exited before listening:\n{Output}"));
    }

    /// <summary>Everything the process wrote so far (standard output and error).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the server with <paramref name="settings"/> (<c>key=value</c>, without the leading dashes).</summary>
    public static ServerProcess Start(params string[] settings)
    {
        var data = Directory.CreateTempSubdirectory("csms-proc-");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = data.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CsmsCluster.Server.dll"));
        foreach (var setting in settings.Concat(
        [
            "urls=http://127.0.0.1:0",
            $"Csms:Api:AdminToken={CsmsTestServer.AdminToken}",
            $"Csms:Api:DataDirectory={data.FullName}",
            $"Csms:Security:Ca:Directory={Path.Combine(data.FullName, "ca")}",
            "Logging:LogLevel:Default=Warning",
            "Logging:LogLevel:Microsoft.Hosting.Lifetime=Information",
            "Logging:Console:FormatterName=simple",
        ]))
        {
            start.ArgumentList.Add("--" + setting);
        }

        // No OTLP export or other settings leak in from the test's environment.
        start.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var server = new ServerProcess(process, data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>The HTTP address the server listens on, once it logged it.</summary>
    public async Task<Uri> ListeningAsync(TimeSpan timeout)
    {
        try
        {
            return await _listening.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The server did not report its address within {timeout.TotalSeconds} s:\n{Output}");
        }
    }

    /// <summary>Kills the process at once (SIGKILL): no shutdown code runs.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        _dataDirectory.Delete(recursive: true);
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningLine();

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (ListeningLine().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(new Uri(match.Groups[1].Value));
        }
    }
}
