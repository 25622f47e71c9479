using CsmsCluster.Contracts;
using CsmsCluster.Domain.Authorization;

namespace CsmsCluster.Domain.Tests.Authorization;

public sealed class SecurityProfilesTests
{
    private const string Hash = "stored-hash";

    [Theory]
    // profile, password set, presented password ("ok" right, "bad" wrong, null none), tls, certificate verified, admitted
    [InlineData(null, false, null, false, false, true)]
    [InlineData(null, true, null, false, false, false)]
    [InlineData(null, true, "ok", false, false, true)]
    [InlineData(null, true, "bad", false, false, false)]
    [InlineData(0, false, null, false, false, true)]
    [InlineData(1, true, "ok", false, false, true)]
    [InlineData(1, false, null, false, false, false)]
    [InlineData(1, true, "bad", true, true, false)]
    [InlineData(2, true, "ok", true, false, true)]
    [InlineData(2, true, "ok", false, false, false)]
    [InlineData(2, true, null, true, true, false)]
    [InlineData(3, false, null, true, true, true)]
    [InlineData(3, true, "ok", true, false, false)]
    [InlineData(3, false, null, false, true, false)]
    [InlineData(4, false, null, true, true, false)]
    public void Admits_FollowsTheProfile(int? profile, bool passwordSet, string? presented, bool tls, bool certificate, bool expected)
    {
        var credentials = new ChargerCredentials(presented, tls, certificate);
        Assert.Equal(expected, SecurityProfiles.Admits(profile, passwordSet ? Hash : null, credentials, (password, hash) => hash == Hash && password == "ok"));
    }
}
