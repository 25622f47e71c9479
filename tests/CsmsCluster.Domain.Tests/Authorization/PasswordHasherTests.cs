using CsmsCluster.Domain.Authorization;

namespace CsmsCluster.Domain.Tests.Authorization;

public sealed class PasswordHasherTests
{
    [Fact]
    public void Verify_SamePassword_Succeeds_OtherPasswordFails()
    {
        var hash = PasswordHasher.Hash("correct-horse-battery");
        Assert.True(PasswordHasher.Verify("correct-horse-battery", hash));
        Assert.False(PasswordHasher.Verify("correct-horse-batterY", hash));
        Assert.False(PasswordHasher.Verify(string.Empty, hash));
    }

    [Fact]
    public void Hash_UsesFreshSalt_AndNeverContainsThePassword()
    {
        var a = PasswordHasher.Hash("correct-horse-battery");
        var b = PasswordHasher.Hash("correct-horse-battery");
        Assert.NotEqual(a, b);
        Assert.StartsWith("pbkdf2-sha256$100000$", a, StringComparison.Ordinal);
        Assert.DoesNotContain("correct-horse-battery", a, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain")]
    [InlineData("md5$1$abc$def")]
    [InlineData("pbkdf2-sha256$0$AAAA$AAAA")]
    public void Verify_MalformedStoredHash_Fails(string stored) =>
        Assert.False(PasswordHasher.Verify("anything-at-all-123", stored));
}
