using CsmsCluster.TestSupport;
using Microsoft.Extensions.Options;

namespace CsmsCluster.Gateway.Tests;

public sealed class ConnectionAdmissionTests
{
    private readonly ManualTimeProvider _time = new();

    private ConnectionAdmission Create(int maxConnections = 100, double upgradesPerSecond = 10, int burst = 20, int saturatedCalls = 1000) =>
        new(Options.Create(new OcppGatewayOptions
        {
            MaxConnections = maxConnections,
            MaxUpgradesPerSecond = upgradesPerSecond,
            UpgradeBurst = burst,
            SaturatedInFlightCalls = saturatedCalls,
        }), _time);

    [Fact]
    public void OverConnectionCap_IsRefused_UntilOneIsReleased()
    {
        var admission = Create(maxConnections: 2);
        Assert.Equal(AdmissionResult.Admitted, admission.TryAdmit());
        Assert.Equal(AdmissionResult.Admitted, admission.TryAdmit());
        Assert.Equal(AdmissionResult.AtCapacity, admission.TryAdmit());
        Assert.Equal(2, admission.Connections);

        admission.Release();
        Assert.Equal(AdmissionResult.Admitted, admission.TryAdmit());
    }

    [Fact]
    public void OverUpgradeRate_IsRefused_AndHoldsNoSlot_UntilTheBucketRefills()
    {
        var admission = Create(upgradesPerSecond: 10, burst: 3);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(AdmissionResult.Admitted, admission.TryAdmit());
        }

        Assert.Equal(AdmissionResult.UpgradeRateExceeded, admission.TryAdmit());
        Assert.Equal(3, admission.Connections);

        _time.Advance(TimeSpan.FromMilliseconds(100));
        Assert.Equal(AdmissionResult.Admitted, admission.TryAdmit());
        Assert.Equal(AdmissionResult.UpgradeRateExceeded, admission.TryAdmit());
    }

    [Fact]
    public void RateRefusals_BookSuccessiveSlots_SoAHerdIsToldToComeBackSpreadOverTheTimeTheRateNeeds()
    {
        var admission = Create(upgradesPerSecond: 10, burst: 1);
        Assert.Equal(AdmissionResult.Admitted, admission.TryAdmit());

        // 35 refused at once at 10 upgrades/s: slots 0.1 s apart, so 10 per whole second of Retry-After.
        var retryAfters = Enumerable.Range(0, 35).Select(_ => admission.BookRetryAfterSeconds()).ToList();
        Assert.Equal([1, 2, 3, 4], retryAfters.Distinct().Order());
        Assert.Equal([10, 10, 10, 5], retryAfters.GroupBy(r => r).OrderBy(g => g.Key).Select(g => g.Count())); // slots 0.1 .. 1.0 s -> 1, ...
        Assert.True(retryAfters.Zip(retryAfters.Skip(1)).All(p => p.First <= p.Second), "later refusals never get earlier slots");

        // Time passing uses up the booked horizon: after 10 s a new refusal waits one slot again.
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, admission.BookRetryAfterSeconds());
    }

    [Fact]
    public void RateRefusal_RetryAfter_IsCapped()
    {
        var admission = new ConnectionAdmission(Options.Create(new OcppGatewayOptions
        {
            MaxUpgradesPerSecond = 1,
            UpgradeBurst = 1,
            MaxRetryAfter = TimeSpan.FromSeconds(5),
        }), _time);
        var retryAfters = Enumerable.Range(0, 20).Select(_ => admission.BookRetryAfterSeconds()).ToList();
        Assert.Equal(5, retryAfters.Max());
        Assert.Equal([1, 2, 3, 4, 5], retryAfters.Take(5));
    }

    [Fact]
    public void CapRefusal_TakesNoUpgradeToken()
    {
        var admission = Create(maxConnections: 1, upgradesPerSecond: 1, burst: 2);
        Assert.Equal(AdmissionResult.Admitted, admission.TryAdmit());
        Assert.Equal(AdmissionResult.AtCapacity, admission.TryAdmit());
        admission.Release();
        Assert.Equal(AdmissionResult.Admitted, admission.TryAdmit());
    }

    [Fact]
    public void Saturated_WhileBucketEmpty_AtCap_OrTooManyCallsInFlight()
    {
        var admission = Create(maxConnections: 3, upgradesPerSecond: 1, burst: 2, saturatedCalls: 2);
        Assert.False(admission.IsSaturated);

        admission.CallStarted();
        Assert.False(admission.IsSaturated);
        admission.CallStarted();
        Assert.True(admission.IsSaturated);
        admission.CallEnded();
        admission.CallEnded();

        admission.TryAdmit();
        Assert.False(admission.IsSaturated);
        admission.TryAdmit();
        Assert.True(admission.IsSaturated, "the upgrade bucket is empty");
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(admission.IsSaturated);

        Assert.Equal(AdmissionResult.Admitted, admission.TryAdmit());
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.True(admission.IsSaturated, "the connection cap is reached");
    }

    [Fact]
    public void RetryDelays_SpreadBetweenBaseAndTwiceBase()
    {
        var seen = new HashSet<int>();
        for (var i = 0; i < 500; i++)
        {
            var seconds = RetryDelays.SpreadSeconds(TimeSpan.FromSeconds(10));
            Assert.InRange(seconds, 10, 20);
            seen.Add(seconds);
        }

        Assert.True(seen.Count > 5, $"expected jitter, saw only {string.Join(", ", seen)}");
        Assert.InRange(RetryDelays.SpreadSeconds(TimeSpan.Zero), 1, 2);
    }
}
