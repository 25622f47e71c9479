namespace CsmsCluster.Grains.Tests.Infrastructure;

/// <summary>Counts how many code paths are inside a region at once and remembers the maximum seen.</summary>
public sealed class OverlapTracker
{
    private int _inside;
    private int _max;
    private int _entries;

    public int MaxInside => Volatile.Read(ref _max);

    public int Entries => Volatile.Read(ref _entries);

    public void Enter()
    {
        Interlocked.Increment(ref _entries);
        var inside = Interlocked.Increment(ref _inside);
        int max;
        while (inside > (max = Volatile.Read(ref _max)) && Interlocked.CompareExchange(ref _max, inside, max) != max)
        {
        }
    }

    public void Exit() => Interlocked.Decrement(ref _inside);

    /// <summary>Stays inside for a moment of real work, so a parallel entry would be seen.</summary>
    public void Occupy()
    {
        Enter();
        Thread.SpinWait(2000);
        Exit();
    }
}
