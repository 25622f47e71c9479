using System.Collections.Concurrent;

namespace CsmsCluster.Grains.Tests.Infrastructure;

/// <summary>
/// Per-silo singleton the test grains report to and wait on: named gates, counters, an event log and overlap
/// trackers. Every test builds its own silo, so nothing is shared between tests.
/// </summary>
public sealed class TestProbe
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _gates = new();
    private readonly ConcurrentDictionary<string, int> _counters = new();
    private readonly ConcurrentDictionary<string, OverlapTracker> _trackers = new();
    private readonly ConcurrentQueue<string> _events = new();

    public IReadOnlyList<string> Events => [.. _events];

    /// <summary>A task that completes when <see cref="Open"/> is called with the same name.</summary>
    public Task Gate(string name) => GetGate(name).Task;

    public void Open(string name) => GetGate(name).TrySetResult();

    public int Increment(string name) => _counters.AddOrUpdate(name, 1, (_, n) => n + 1);

    public int Count(string name) => _counters.GetValueOrDefault(name);

    public void Record(string @event) => _events.Enqueue(@event);

    public OverlapTracker Tracker(string name) => _trackers.GetOrAdd(name, _ => new OverlapTracker());

    private TaskCompletionSource GetGate(string name) =>
        _gates.GetOrAdd(name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
