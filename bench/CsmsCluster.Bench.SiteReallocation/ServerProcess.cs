using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CsmsCluster.Bench.SiteReallocation;

/// <summary>
/// The real server (<c>CsmsCluster.Server.dll</c>, Release) in its own process on a fresh temp data directory and a
/// free loopback port, pinned to <see cref="Pinning.ServerCore"/> with taskset when available. Its output goes to a log file.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private ServerProcess(Process process, StreamWriter log, Uri baseAddress, string token, string directory)
    {
        _process = process;
        _log = log;
        BaseAddress = baseAddress;
        Token = token;
        Directory = directory;
    }

    public Uri BaseAddress { get; }

    public string Token { get; }

    public string Directory { get; }

    public int Id => _process.Id;

    public static async Task<ServerProcess> StartAsync(string serverDll, IReadOnlyDictionary<string, string> settings, IReadOnlyDictionary<string, string> environment, bool pin)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"csms-s4-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(directory);
        var port = FreePort();
        var token = Convert.ToHexString(Guid.NewGuid().ToByteArray());
        var start = new ProcessStartInfo(pin ? "taskset" : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = directory,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        if (pin)
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(Pinning.ServerCore.ToString(System.Globalization.CultureInfo.InvariantCulture));
            start.ArgumentList.Add("dotnet");
        }
        start.ArgumentList.Add(serverDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        var all = new Dictionary<string, string>(settings, StringComparer.Ordinal)
        {
            ["Csms:Storage:ConnectionString"] = $"Data Source={Path.Combine(directory, "csms.db")}",
            ["Csms:Api:DataDirectory"] = directory,
            ["Csms:Api:AdminToken"] = token,
            ["Csms:Security:Ca:Directory"] = Path.Combine(directory, "ca"),
        };
        foreach (var (key, value) in all)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }
        var log = new StreamWriter(Path.Combine(directory, "server.log")) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("The server did not start.");
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, log, new Uri($"http://127.0.0.1:{port}"), token, directory);
        await server.WaitReadyAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }

    private async Task WaitReadyAsync()
    {
        using var api = new CsmsApi(BaseAddress, Token);
        var deadline = DateTimeOffset.UtcNow.AddSeconds(120);
        while (!await api.ReadyAsync())
        {
            if (_process.HasExited || DateTimeOffset.UtcNow > deadline)
            {
                throw new InvalidOperationException($"The server did not become ready; see {Path.Combine(Directory, "server.log")}.");
            }
            await Task.Delay(200);
        }
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (log)
        {
            log.WriteLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
