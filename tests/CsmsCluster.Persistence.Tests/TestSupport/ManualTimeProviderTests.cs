using CsmsCluster.TestSupport;

namespace CsmsCluster.Persistence.Tests.TestSupport;

/// <summary>The shared manual clock (used by the grain and server tests) behaves like a real timer source.</summary>
public sealed class ManualTimeProviderTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Advance_FiresDueTimersInOrderWithTheClockAtTheirDueTime()
    {
        var time = new ManualTimeProvider(Start);
        var fired = new List<(string Name, DateTimeOffset At)>();
        using var late = time.CreateTimer(_ => fired.Add(("late", time.GetUtcNow())), null, TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan);
        using var early = time.CreateTimer(_ => fired.Add(("early", time.GetUtcNow())), null, TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan);

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Empty(fired);
        time.Advance(TimeSpan.FromSeconds(9));

        Assert.Equal([("early", Start.AddSeconds(2)), ("late", Start.AddSeconds(5))], fired);
        Assert.Equal(Start.AddSeconds(10), time.GetUtcNow());
    }

    [Fact]
    public void PeriodicTimer_ReschedulesUntilDisposed()
    {
        var time = new ManualTimeProvider(Start);
        var ticks = 0;
        var timer = time.CreateTimer(_ => Interlocked.Increment(ref ticks), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        time.Advance(TimeSpan.FromSeconds(3.5));
        Assert.Equal(3, ticks);

        timer.Change(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10));
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(3, ticks);

        timer.Dispose();
        time.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(3, ticks);
    }

    [Fact]
    public async Task Eventually_ThrowsWithTheExpectationOnTimeout()
    {
        var error = await Assert.ThrowsAsync<TimeoutException>(
            () => Eventually.WaitAsync(() => false, TimeSpan.FromMilliseconds(50), "the flag to be set"));

        Assert.Contains("the flag to be set", error.Message, StringComparison.Ordinal);
    }
}
