using CsmsCluster.Bench.Load;

namespace CsmsCluster.Bench.Tests;

public sealed class CpuTimesTests
{
    [Fact]
    public void Parse_AggregateLine_SumsTheEightCountersAndTakesStealFromTheEighth()
    {
        var times = CpuTimes.Parse("cpu  66932 10 13985 157484 838 5 1218 113 7 3");

        Assert.Equal(new CpuTimes(66932 + 10 + 13985 + 157484 + 838 + 5 + 1218 + 113, 113), times);
    }

    [Fact]
    public void StealPercentSince_IsTheStolenShareOfTheTimeBetweenTwoReadings()
    {
        var earlier = new CpuTimes(Total: 10_000, Steal: 100);
        var later = new CpuTimes(Total: 10_400, Steal: 200);

        Assert.Equal(25.0, later.StealPercentSince(earlier), precision: 9);
        Assert.Equal(0.0, earlier.StealPercentSince(earlier));
    }

    [Theory]
    [InlineData("cpu0 1 2 3 4 5 6 7 8")]
    [InlineData("cpu  1 2 3")]
    [InlineData("intr 1 2 3 4 5 6 7 8")]
    public void Parse_AnyOtherLine_IsAFormatError(string line) =>
        Assert.Throws<FormatException>(() => CpuTimes.Parse(line));
}
