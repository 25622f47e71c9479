using CsmsCluster.Domain.Authorization;
using CsmsCluster.Persistence;

namespace CsmsCluster.Domain.Tests.Authorization;

public sealed class IdTagAuthorizerTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Decide_UnknownIdTag_IsInvalid() =>
        Assert.Equal(new IdTagDecision(IdTagStatus.Invalid, null, null), IdTagAuthorizer.Decide(null, Now));

    [Theory]
    [InlineData("Accepted", IdTagStatus.Accepted)]
    [InlineData("Blocked", IdTagStatus.Blocked)]
    [InlineData("Expired", IdTagStatus.Expired)]
    [InlineData("Invalid", IdTagStatus.Invalid)]
    [InlineData("SomethingElse", IdTagStatus.Invalid)]
    public void Decide_KnownIdTag_UsesItsStatus(string stored, IdTagStatus expected) =>
        Assert.Equal(expected, IdTagAuthorizer.Decide(Entry(stored, null), Now).Status);

    [Fact]
    public void Decide_AcceptedPastExpiry_IsExpired()
    {
        var decision = IdTagAuthorizer.Decide(Entry("Accepted", Now), Now);
        Assert.Equal(IdTagStatus.Expired, decision.Status);
        Assert.Equal(Now, decision.ExpiryDate);
    }

    [Fact]
    public void Decide_AcceptedBeforeExpiry_IsAcceptedWithExpiryAndParent()
    {
        var expiry = Now.AddSeconds(1);
        var decision = IdTagAuthorizer.Decide(Entry("Accepted", expiry, "FLEET"), Now);
        Assert.Equal(new IdTagDecision(IdTagStatus.Accepted, expiry, "FLEET"), decision);
    }

    [Fact]
    public void Decide_BlockedPastExpiry_StaysBlocked() =>
        Assert.Equal(IdTagStatus.Blocked, IdTagAuthorizer.Decide(Entry("Blocked", Now.AddDays(-1)), Now).Status);

    private static IdTagRecord Entry(string status, DateTimeOffset? expiry, string? parent = null) =>
        new("TAG", status, expiry, parent, Now);
}
