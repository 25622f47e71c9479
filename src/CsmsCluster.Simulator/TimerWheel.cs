using System.Diagnostics;

namespace CsmsCluster.Simulator;

/// <summary>
/// One hashed timer wheel for a whole fleet: a single loop ticks every <see cref="Tick"/> and fires what is due,
/// instead of a <see cref="Timer"/> per charger. Precision is one tick, which is plenty for heartbeats and meter values.
/// </summary>
public sealed class TimerWheel : IAsyncDisposable
{
    /// <summary>The resolution of the wheel.</summary>
    public static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(20);

    private const int SlotCount = 4096;
    private readonly List<TimerEntry>[] _slots = new List<TimerEntry>[SlotCount];
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly long _origin = Stopwatch.GetTimestamp();
    private readonly Task _loop;
    private long _processedTick;

    /// <summary>Starts the wheel's loop.</summary>
    public TimerWheel()
    {
        for (var i = 0; i < SlotCount; i++)
        {
            _slots[i] = [];
        }

        _loop = RunAsync();
    }

    /// <summary>Calls <paramref name="target"/> after <paramref name="delay"/> (rounded up to a tick).</summary>
    public void Schedule(TimeSpan delay, ITimerTarget target, TimerKind kind, int argument = 0, int epoch = 0) =>
        Add(new TimerEntry(DueTick(delay), target, kind, argument, epoch));

    /// <summary>A task that completes after <paramref name="delay"/>, without a timer of its own.</summary>
    public Task DelayAsync(TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            return Task.CompletedTask;
        }

        var source = new DelaySource();
        Add(new TimerEntry(DueTick(delay), source, TimerKind.Delay, 0, 0));
        return source.Task;
    }

    private long NowTick() => (long)(Stopwatch.GetElapsedTime(_origin).Ticks / Tick.Ticks);

    private long DueTick(TimeSpan delay) => NowTick() + Math.Max(1, (long)Math.Ceiling(delay.Ticks / (double)Tick.Ticks));

    private void Add(TimerEntry entry)
    {
        lock (_lock)
        {
            // An entry due at or before the tick being processed goes into the next one.
            var tick = Math.Max(entry.DueTick, _processedTick + 1);
            _slots[(int)(tick % SlotCount)].Add(entry with { DueTick = tick });
        }
    }

    private async Task RunAsync()
    {
        using var timer = new PeriodicTimer(Tick);
        var due = new List<TimerEntry>();
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                var now = NowTick();
                while (_processedTick < now)
                {
                    CollectDue(_processedTick + 1, due);
                    foreach (var entry in due)
                    {
                        entry.Target.OnTimer(entry.Kind, entry.Argument, entry.Epoch);
                    }

                    due.Clear();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
    }

    private void CollectDue(long tick, List<TimerEntry> due)
    {
        lock (_lock)
        {
            _processedTick = tick;
            var slot = _slots[(int)(tick % SlotCount)];
            for (var i = slot.Count - 1; i >= 0; i--)
            {
                if (slot[i].DueTick <= tick)
                {
                    due.Add(slot[i]);
                    slot[i] = slot[^1];
                    slot.RemoveAt(slot.Count - 1);
                }
            }
        }
    }

    /// <summary>Stops the loop; pending timers never fire.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private readonly record struct TimerEntry(long DueTick, ITimerTarget Target, TimerKind Kind, int Argument, int Epoch);

    private sealed class DelaySource : TaskCompletionSource, ITimerTarget
    {
        public DelaySource()
            : base(TaskCreationOptions.RunContinuationsAsynchronously)
        {
        }

        public void OnTimer(TimerKind kind, int argument, int epoch) => TrySetResult();
    }
}
