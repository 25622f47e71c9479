namespace CsmsCluster.Gateway;

/// <summary>
/// The message-rate state of one session, kept tiny (a token bucket and a window counter: four numbers) because a
/// node holds tens of thousands. Only the session's receive loop uses it, so it needs no locking.
/// </summary>
internal struct MessageRateLimiter
{
    private TokenBucket _calls;
    private long _windowStart;
    private long _windowCount;
    private bool _started;

    /// <summary>
    /// Counts one message at <paramref name="timestamp"/>. Every message counts toward flood detection; only a CALL
    /// (<paramref name="isCall"/>) takes a token, because answers to the CSMS's own calls must never be refused.
    /// </summary>
    public RateDecision Check(long timestamp, MessageRateLimits limits, bool isCall)
    {
        if (!_started)
        {
            _started = true;
            _calls = TokenBucket.Full(limits.Rate.Burst, timestamp);
            _windowStart = timestamp;
        }

        if (timestamp - _windowStart >= limits.WindowTicks)
        {
            _windowStart = timestamp;
            _windowCount = 0;
        }

        if (++_windowCount > limits.FloodThreshold)
        {
            return RateDecision.Close;
        }

        return !isCall || _calls.TryTake(timestamp, limits.Rate) ? RateDecision.Accept : RateDecision.Reject;
    }
}
