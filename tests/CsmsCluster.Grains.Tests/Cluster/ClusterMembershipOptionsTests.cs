using CsmsCluster.Grains.Cluster;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CsmsCluster.Grains.Tests.Cluster;

public sealed class ClusterMembershipOptionsTests
{
    [Fact]
    public void Defaults_AreTheDocumentedValues_AndValid()
    {
        var options = new ClusterMembershipOptions();

        Assert.Equal(
            (TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1), 2, 3, 2, TimeSpan.FromHours(1)),
            (options.HeartbeatInterval, options.LeaseDuration, options.LeaseMargin, options.ProbeInterval, options.ProbedSuccessors,
             options.MissedProbesForVote, options.VotesForDeath, options.DeadRetention));
        Assert.Equal(TimeSpan.FromSeconds(12), options.LeaseExpiry);
        Assert.True(new ClusterMembershipOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_HeartbeatLongerThanHalfTheLeaseOrProbeTimeoutOverInterval_NamesTheKeys()
    {
        var options = new ClusterMembershipOptions { HeartbeatInterval = TimeSpan.FromSeconds(6), ProbeTimeout = TimeSpan.FromSeconds(3), VotesForDeath = 0 };

        var result = new ClusterMembershipOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Csms:Cluster:HeartbeatInterval", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Csms:Cluster:ProbeTimeout", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("VotesForDeath", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MoreVotesForDeathThanWatchers_NamesBothKeys()
    {
        var options = new ClusterMembershipOptions { ProbedSuccessors = 2, VotesForDeath = 3 };

        var result = new ClusterMembershipOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("VotesForDeath (3) must not exceed ProbedSuccessors (2)", result.FailureMessage, StringComparison.Ordinal);
        Assert.True(new ClusterMembershipOptionsValidator().Validate(null, new ClusterMembershipOptions { ProbedSuccessors = 2, VotesForDeath = 2 }).Succeeded);
    }

    [Fact]
    public void Agent_InvalidOptions_FailsAtConstruction()
    {
        var options = Options.Create(new ClusterMembershipOptions { LeaseDuration = TimeSpan.Zero });

        Assert.Throws<OptionsValidationException>(() => new SiloMembershipAgent(
            new InMemoryMembershipStore(new ManualTimeProvider()), new FakeSiloProbe(), new RecordingFence(), options,
            new ManualTimeProvider(), NullLogger<SiloMembershipAgent>.Instance));
    }
}
