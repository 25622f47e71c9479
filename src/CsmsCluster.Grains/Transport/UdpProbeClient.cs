using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace CsmsCluster.Grains.Transport;

/// <summary>
/// Sends UDP peer probes (<see cref="ProbeDatagram"/>) and decides each one on a dedicated thread with blocking socket
/// calls and its own clock: answered before its deadline or not. The verdict does not depend on this node's thread pool,
/// so a prober that is itself overloaded neither misses an answer that came in time nor counts one that did not.
/// </summary>
internal sealed class UdpProbeClient : IDisposable
{
    // While probes are outstanding the thread waits for answers in slices this long, picking up new probes between them.
    private const int SliceMicroseconds = 5_000;

    private readonly ConcurrentQueue<Probe> _incoming = new();
    private readonly AutoResetEvent _wake = new(false);
    private readonly Dictionary<ulong, Probe> _outstanding = [];
    private readonly List<Socket> _sockets = [];
    private readonly Thread _thread;
    private Socket? _v4;
    private Socket? _v6;
    private ulong _nextNonce = BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(sizeof(ulong)));
    private volatile bool _disposed;
    private volatile bool _ended;

    public UdpProbeClient()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "cluster-probe-client" };
        _thread.Start();
    }

    /// <summary>
    /// Probes <paramref name="siloId"/> at <paramref name="endpoint"/>: true when its answer arrives within
    /// <paramref name="timeout"/> of this call, false otherwise. The task is completed by the probing thread.
    /// </summary>
    public Task<bool> ProbeAsync(IPEndPoint endpoint, string siloId, TimeSpan timeout)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var nonce = Interlocked.Increment(ref _nextNonce);
        var probe = new Probe(endpoint, ProbeDatagram.Create(nonce, siloId), nonce, Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency));
        _incoming.Enqueue(probe);
        if (_ended)
        {
            FailIncoming(); // the thread is gone: nobody else will answer it
        }
        else
        {
            _wake.Set();
        }

        return probe.Answer.Task;
    }

    public void Dispose()
    {
        _disposed = true;
        _wake.Set();
        _thread.Join(TimeSpan.FromSeconds(2));
        _wake.Dispose();
    }

    private void Run()
    {
        try
        {
            Loop();
        }
        catch (Exception)
        {
            // Unexpected: UDP probing ends (every probe from now on is a miss on this path) and the HTTP probe decides
            // alone. Nothing may escape a thread: it would end the process.
        }
        finally
        {
            _ended = true;
            foreach (var probe in _outstanding.Values)
            {
                probe.Answer.TrySetResult(false);
            }

            FailIncoming();
            foreach (var socket in _sockets)
            {
                socket.Dispose();
            }
        }
    }

    private void FailIncoming()
    {
        while (_incoming.TryDequeue(out var probe))
        {
            probe.Answer.TrySetResult(false);
        }
    }

    private void Loop()
    {
        var buffer = new byte[ProbeDatagram.MaxBytes];
        var readable = new List<Socket>(2);
        while (!_disposed)
        {
            while (_incoming.TryDequeue(out var probe))
            {
                Send(probe);
            }

            Expire(Stopwatch.GetTimestamp());
            if (_outstanding.Count == 0)
            {
                _wake.WaitOne();
                continue;
            }

            readable.Clear();
            readable.AddRange(_sockets);
            Socket.Select(readable, null, null, SliceMicroseconds);
            foreach (var socket in readable)
            {
                Receive(socket, buffer);
            }
        }
    }

    private void Send(Probe probe)
    {
        try
        {
            SocketFor(probe.Endpoint.AddressFamily).SendTo(probe.Datagram, probe.Endpoint);
            _outstanding[probe.Nonce] = probe;
        }
        catch (SocketException)
        {
            probe.Answer.TrySetResult(false); // no route, no address of that family: not answered
        }
    }

    private void Receive(Socket socket, byte[] buffer)
    {
        while (socket.Available > 0)
        {
            int length;
            try
            {
                EndPoint sender = new IPEndPoint(socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
                length = socket.ReceiveFrom(buffer, ref sender);
            }
            catch (SocketException)
            {
                continue; // an error report for an earlier datagram; the probe it concerns simply goes unanswered
            }

            // Only the exact bytes sent count: the nonce and the id of the silo the table names.
            if (ProbeDatagram.TryRead(buffer.AsSpan(0, length), out var nonce, out _)
                && _outstanding.Remove(nonce, out var probe)
                && buffer.AsSpan(0, length).SequenceEqual(probe.Datagram))
            {
                probe.Answer.TrySetResult(Stopwatch.GetTimestamp() <= probe.Deadline);
            }
        }
    }

    private void Expire(long now)
    {
        foreach (var (nonce, probe) in _outstanding)
        {
            if (now > probe.Deadline)
            {
                _outstanding.Remove(nonce);
                probe.Answer.TrySetResult(false);
            }
        }
    }

    private Socket SocketFor(AddressFamily family)
    {
        ref var socket = ref family == AddressFamily.InterNetworkV6 ? ref _v6 : ref _v4;
        if (socket is null)
        {
            socket = new Socket(family, SocketType.Dgram, ProtocolType.Udp);
            socket.Bind(new IPEndPoint(family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0));
            _sockets.Add(socket);
        }

        return socket;
    }

    private sealed class Probe(IPEndPoint endpoint, byte[] datagram, ulong nonce, long deadline)
    {
        public IPEndPoint Endpoint { get; } = endpoint;

        public byte[] Datagram { get; } = datagram;

        public ulong Nonce { get; } = nonce;

        public long Deadline { get; } = deadline;

        public TaskCompletionSource<bool> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
