using CsmsCluster.TestSupport;

namespace CsmsCluster.Gateway.Tests;

public sealed class TokenBucketTests
{
    private readonly ManualTimeProvider _time = new();

    [Fact]
    public void FullBucket_AdmitsBurst_ThenRefuses()
    {
        var rate = new TokenRate(perSecond: 2, burst: 5, _time.TimestampFrequency);
        var bucket = TokenBucket.Full(rate.Burst, _time.GetTimestamp());

        for (var i = 0; i < 5; i++)
        {
            Assert.True(bucket.TryTake(_time.GetTimestamp(), rate), $"token {i + 1} of the burst");
        }

        Assert.False(bucket.TryTake(_time.GetTimestamp(), rate));
    }

    [Fact]
    public void EmptyBucket_RefillsAtRate()
    {
        var rate = new TokenRate(perSecond: 2, burst: 5, _time.TimestampFrequency);
        var bucket = TokenBucket.Full(rate.Burst, _time.GetTimestamp());
        while (bucket.TryTake(_time.GetTimestamp(), rate))
        {
        }

        _time.Advance(TimeSpan.FromMilliseconds(499));
        Assert.False(bucket.TryTake(_time.GetTimestamp(), rate));
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(bucket.TryTake(_time.GetTimestamp(), rate));
        Assert.False(bucket.TryTake(_time.GetTimestamp(), rate));

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(bucket.TryTake(_time.GetTimestamp(), rate));
        Assert.True(bucket.TryTake(_time.GetTimestamp(), rate));
        Assert.False(bucket.TryTake(_time.GetTimestamp(), rate));
    }

    [Fact]
    public void LongIdle_NeverFillsBeyondBurst()
    {
        var rate = new TokenRate(perSecond: 100, burst: 3, _time.TimestampFrequency);
        var bucket = TokenBucket.Full(rate.Burst, _time.GetTimestamp());
        _time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(3, bucket.Available(_time.GetTimestamp(), rate));
        var taken = 0;
        while (bucket.TryTake(_time.GetTimestamp(), rate))
        {
            taken++;
        }

        Assert.Equal(3, taken);
    }

    [Fact]
    public void FractionalRate_AdmitsOneTokenPerPeriod()
    {
        var rate = new TokenRate(perSecond: 0.1, burst: 1, _time.TimestampFrequency);
        var bucket = TokenBucket.Full(rate.Burst, _time.GetTimestamp());
        Assert.True(bucket.TryTake(_time.GetTimestamp(), rate));

        _time.Advance(TimeSpan.FromSeconds(9.9));
        Assert.False(bucket.TryTake(_time.GetTimestamp(), rate));
        _time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.True(bucket.TryTake(_time.GetTimestamp(), rate));
    }

    [Fact]
    public void TokenRate_RejectsNonPositiveRateAndEmptyBurst()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TokenRate(0, 1, _time.TimestampFrequency));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TokenRate(1, 0.5, _time.TimestampFrequency));
    }
}
