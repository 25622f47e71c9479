using System.Diagnostics;

namespace CsmsCluster.TestSupport;

/// <summary>Waits on a condition with a deadline instead of sleeping a fixed time.</summary>
public static class Eventually
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);

    /// <summary>Polls <paramref name="condition"/> until it holds.</summary>
    /// <exception cref="TimeoutException">It did not hold within <paramref name="timeout"/>; the message says what was expected.</exception>
    public static Task WaitAsync(Func<bool> condition, TimeSpan timeout, string whatWasExpected)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return WaitAsync(() => Task.FromResult(condition()), timeout, whatWasExpected);
    }

    /// <summary>Polls the asynchronous <paramref name="condition"/> until it holds.</summary>
    /// <exception cref="TimeoutException">It did not hold within <paramref name="timeout"/>; the message says what was expected.</exception>
    public static async Task WaitAsync(Func<Task<bool>> condition, TimeSpan timeout, string whatWasExpected)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (await condition())
            {
                return;
            }

            if (clock.Elapsed >= timeout)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0.###} s waiting for: {whatWasExpected}");
            }

            await Task.Delay(PollInterval);
        }
    }
}
