using CsmsCluster.TestSupport;

namespace CsmsCluster.Gateway.Tests;

public sealed class MessageRateLimiterTests
{
    private readonly ManualTimeProvider _time = new();

    private MessageRateLimits Limits(double perSecond = 2, int burst = 4, double floodFactor = 10, double windowSeconds = 1) =>
        new(new OcppGatewayOptions
        {
            MaxMessagesPerSecond = perSecond,
            MessageBurst = burst,
            FloodCloseFactor = floodFactor,
            FloodCloseWindow = TimeSpan.FromSeconds(windowSeconds),
        }, _time.TimestampFrequency);

    [Fact]
    public void Calls_WithinBurst_AreAccepted_ThenRejected_ThenAcceptedAfterRefill()
    {
        var limits = Limits();
        var limiter = default(MessageRateLimiter);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(RateDecision.Accept, limiter.Check(_time.GetTimestamp(), limits, isCall: true));
        }

        Assert.Equal(RateDecision.Reject, limiter.Check(_time.GetTimestamp(), limits, isCall: true));
        _time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(RateDecision.Accept, limiter.Check(_time.GetTimestamp(), limits, isCall: true));
        Assert.Equal(RateDecision.Reject, limiter.Check(_time.GetTimestamp(), limits, isCall: true));
    }

    [Fact]
    public void AnswersToCsmsCalls_AreNeverRejected()
    {
        var limits = Limits();
        var limiter = default(MessageRateLimiter);
        for (var i = 0; i < 4; i++)
        {
            limiter.Check(_time.GetTimestamp(), limits, isCall: true);
        }

        Assert.Equal(RateDecision.Accept, limiter.Check(_time.GetTimestamp(), limits, isCall: false));
    }

    [Fact]
    public void FloodPastHardThreshold_Closes()
    {
        // 2/s x factor 10 x window 1 s = 20 messages per window.
        var limits = Limits();
        Assert.Equal(20, limits.FloodThreshold);
        var limiter = default(MessageRateLimiter);
        for (var i = 0; i < 20; i++)
        {
            Assert.NotEqual(RateDecision.Close, limiter.Check(_time.GetTimestamp(), limits, isCall: true));
        }

        Assert.Equal(RateDecision.Close, limiter.Check(_time.GetTimestamp(), limits, isCall: true));
    }

    [Fact]
    public void HighButBoundedRate_NeverCloses_BecauseEachWindowStartsAfresh()
    {
        var limits = Limits();
        var limiter = default(MessageRateLimiter);
        for (var window = 0; window < 5; window++)
        {
            for (var i = 0; i < 20; i++)
            {
                Assert.NotEqual(RateDecision.Close, limiter.Check(_time.GetTimestamp(), limits, isCall: true));
                _time.Advance(TimeSpan.FromMilliseconds(50));
            }
        }
    }
}
