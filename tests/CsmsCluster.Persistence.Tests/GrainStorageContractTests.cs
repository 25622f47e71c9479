using CsmsCluster.Grains;

namespace CsmsCluster.Persistence.Tests;

/// <summary>Version-fenced grain state (G2), identical on both databases.</summary>
public sealed class GrainStorageContractTests
{
    private static readonly GrainId Grain = new("charge-point", "CP-GS-1");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Claim_MissingRow_CreatesVersion1WithNullPayload(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);

        var claimed = await storage.Get<IGrainStorage>().ClaimAsync(Grain, Ct);

        Assert.Equal(1, claimed.Version);
        Assert.Null(claimed.Payload);
        Assert.Equal(1, await storage.ScalarAsync("SELECT count(*) FROM grain_state"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Claim_ExistingRow_BumpsVersionAndReturnsPayload(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var grains = storage.Get<IGrainStorage>();
        var first = await grains.ClaimAsync(Grain, Ct);
        var written = await grains.WriteAsync(Grain, new byte[] { 1, 2, 3 }, first.Version, Ct);

        var second = await grains.ClaimAsync(Grain, Ct);

        Assert.Equal(written + 1, second.Version);
        Assert.Equal(new byte[] { 1, 2, 3 }, second.Payload);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Write_WithCurrentVersion_SucceedsAndReturnsNewVersion(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var grains = storage.Get<IGrainStorage>();
        var claimed = await grains.ClaimAsync(Grain, Ct);

        var v2 = await grains.WriteAsync(Grain, new byte[] { 7 }, claimed.Version, Ct);
        var v3 = await grains.WriteAsync(Grain, new ReadOnlyMemory<byte>([0, 8, 9], 1, 2), v2, Ct);

        Assert.Equal(claimed.Version + 1, v2);
        Assert.Equal(v2 + 1, v3);
        Assert.Equal(new byte[] { 8, 9 }, (await grains.ClaimAsync(Grain, Ct)).Payload);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Write_WithStaleVersion_IsRejectedAndLeavesStoredPayloadUnchanged(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var grains = storage.Get<IGrainStorage>();
        var claimed = await grains.ClaimAsync(Grain, Ct);
        var current = await grains.WriteAsync(Grain, new byte[] { 1 }, claimed.Version, Ct);

        var error = await Assert.ThrowsAsync<InconsistentStateException>(
            () => grains.WriteAsync(Grain, new byte[] { 2 }, claimed.Version, Ct));

        Assert.Contains("charge-point/CP-GS-1", error.Message, StringComparison.Ordinal);
        Assert.Contains($"version {claimed.Version}", error.Message, StringComparison.Ordinal);
        Assert.Contains($"stored version is {current}", error.Message, StringComparison.Ordinal);
        var reclaimed = await grains.ClaimAsync(Grain, Ct);
        Assert.Equal(new byte[] { 1 }, reclaimed.Payload);
        Assert.Equal(current + 1, reclaimed.Version);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Write_ToNeverClaimedGrain_IsRejected(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);

        var error = await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.Get<IGrainStorage>().WriteAsync(Grain, new byte[] { 1 }, 1, Ct));

        Assert.Contains("absent", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await storage.ScalarAsync("SELECT count(*) FROM grain_state"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Claim_BySecondActivation_FencesTheFirstActivationsWritesAndClears(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var zombie = storage.Get<IGrainStorage>();
        var successor = storage.AddNode().GetRequiredService<IGrainStorage>();
        var zombieClaim = await zombie.ClaimAsync(Grain, Ct);

        var successorClaim = await successor.ClaimAsync(Grain, Ct);

        await Assert.ThrowsAsync<InconsistentStateException>(() => zombie.WriteAsync(Grain, new byte[] { 6 }, zombieClaim.Version, Ct));
        await Assert.ThrowsAsync<InconsistentStateException>(() => zombie.ClearAsync(Grain, zombieClaim.Version, Ct));
        var written = await successor.WriteAsync(Grain, new byte[] { 5 }, successorClaim.Version, Ct);
        Assert.Equal(successorClaim.Version + 1, written);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Clear_WithCurrentVersion_RemovesPayloadAndBumpsVersion(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var grains = storage.Get<IGrainStorage>();
        var claimed = await grains.ClaimAsync(Grain, Ct);
        var written = await grains.WriteAsync(Grain, new byte[] { 4 }, claimed.Version, Ct);

        var cleared = await grains.ClearAsync(Grain, written, Ct);

        Assert.Equal(written + 1, cleared);
        await Assert.ThrowsAsync<InconsistentStateException>(() => grains.ClearAsync(Grain, written, Ct));
        var reclaimed = await grains.ClaimAsync(Grain, Ct);
        Assert.Null(reclaimed.Payload);
        Assert.Equal(cleared + 1, reclaimed.Version);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Claim_Concurrently_NeverCreatesTwoRowsOrEqualVersions(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var nodes = new[] { storage.Get<IGrainStorage>(), storage.AddNode().GetRequiredService<IGrainStorage>() };
        var grain = new GrainId("charge-point", "CP-GS-RACE");

        var claims = await Task.WhenAll(Enumerable.Range(0, 24).Select(
            i => Task.Run(() => nodes[i % 2].ClaimAsync(grain, Ct), Ct)));

        Assert.Equal(Enumerable.Range(1, 24).Select(v => (long)v), claims.Select(c => c.Version).Order());
        Assert.Equal(1, await storage.ScalarAsync("SELECT count(*) FROM grain_state"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ServiceIds_AreIsolatedFromEachOther(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider, o => o.ServiceId = "service-a");
        var a = storage.Get<IGrainStorage>();
        var b = storage.AddNode(o => o.ServiceId = "service-b").GetRequiredService<IGrainStorage>();
        var claimA = await a.ClaimAsync(Grain, Ct);
        await a.WriteAsync(Grain, new byte[] { 0xA }, claimA.Version, Ct);

        var claimB = await b.ClaimAsync(Grain, Ct);

        Assert.Equal(1, claimB.Version);
        Assert.Null(claimB.Payload);
        Assert.Equal(2, await storage.ScalarAsync("SELECT count(*) FROM grain_state"));
    }
}
