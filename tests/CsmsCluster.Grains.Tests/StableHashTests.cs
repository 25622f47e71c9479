namespace CsmsCluster.Grains.Tests;

/// <summary>
/// G9: placement depends on these values being identical in every process and version. They were computed once;
/// any change to the hash function breaks this test on purpose.
/// </summary>
public sealed class StableHashTests
{
    [Theory]
    [InlineData("charge-point", "CP-001", 15530841333841924239UL)]
    [InlineData("charge-point", "CP-002", 6299614569566398289UL)]
    [InlineData("site", "depot-7", 847531695396731281UL)]
    [InlineData("charge-point", "ÄÖ-ü-Ladesäule", 12854137013836947943UL)]
    [InlineData("charge-point", "", 10246824707563834335UL)]
    public void StableHash_FixedGrainIds_MatchGoldenValues(string type, string key, ulong expected)
    {
        Assert.Equal(expected, new GrainId(type, key).StableHash);
        Assert.Equal(expected, StableHashing.Hash(type, key));
    }

    [Fact]
    public void StableHash_KeyLongerThanStackBuffer_MatchesGoldenValue()
    {
        Assert.Equal(15378613683904549811UL, new GrainId("charge-point", new string('x', 300)).StableHash);
    }

    [Fact]
    public void StableHash_TypeAndKey_EqualsHashOfJoinedString()
    {
        Assert.Equal(StableHashing.Hash("charge-point/CP-001"), new GrainId("charge-point", "CP-001").StableHash);
    }
}
