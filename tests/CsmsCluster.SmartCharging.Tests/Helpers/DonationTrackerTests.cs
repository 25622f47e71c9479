namespace CsmsCluster.SmartCharging.Tests.Helpers;

/// <summary>Spec "Unused allocation": lower after two unused samples, reclaim above a * 1.04 / 1.2.</summary>
public sealed class DonationTrackerTests
{
    [Fact]
    public void OneUnusedSample_KeepsDemand_ASecondLowersIt()
    {
        var first = DonationTracker.Observe(DonationState.Initial(32), 20, 8, 6, 32);
        var second = DonationTracker.Observe(first, 20, 8, 6, 32);

        Assert.Equal((32.0, 1), (first.Demand, first.UnusedSamples));
        Assert.Equal(9.6, second.Demand, 9);
    }

    [Fact]
    public void GapWithinTolerance_ResetsTheCount()
    {
        // 20 - 18.5 = 1.5 A is not above max(1 A, 10 % of 20 A) = 2 A.
        var state = DonationTracker.Observe(new DonationState(32, 1), 20, 18.5, 6, 32);

        Assert.Equal(new DonationState(32, 0), state);
    }

    [Fact]
    public void LoweredDemand_NeverGoesBelowTheMinimum()
    {
        var state = DonationTracker.Observe(new DonationState(32, 1), 16, 0, 6, 32);

        Assert.Equal(6, state.Demand);
    }

    [Fact]
    public void Reclaim_OnlyAboveTheThreshold()
    {
        var donating = new DonationState(9.6, 2);

        Assert.Equal(9.6, DonationTracker.Observe(donating, 9.6, 8.3, 6, 32).Demand);
        Assert.Equal(32, DonationTracker.Observe(donating, 9.6, 8.4, 6, 32).Demand);
        Assert.Equal(8.32, DonationTracker.ReclaimThreshold(9.6), 9);
    }
}
