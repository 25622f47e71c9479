using Microsoft.Extensions.Options;

namespace CsmsCluster.Grains.Cluster;

/// <summary>Checks <see cref="ClusterMembershipOptions"/>, naming the configuration key of every bad value.</summary>
public sealed class ClusterMembershipOptionsValidator : IValidateOptions<ClusterMembershipOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ClusterMembershipOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        void Positive(TimeSpan value, string key)
        {
            if (value <= TimeSpan.Zero)
            {
                failures.Add($"{ClusterMembershipOptions.SectionName}:{key} must be positive (was {value}).");
            }
        }

        Positive(options.HeartbeatInterval, nameof(options.HeartbeatInterval));
        Positive(options.LeaseDuration, nameof(options.LeaseDuration));
        Positive(options.ProbeInterval, nameof(options.ProbeInterval));
        Positive(options.ProbeTimeout, nameof(options.ProbeTimeout));
        Positive(options.VoteExpiry, nameof(options.VoteExpiry));
        Positive(options.DeadRetention, nameof(options.DeadRetention));
        Positive(options.CleanupInterval, nameof(options.CleanupInterval));
        if (options.LeaseMargin < TimeSpan.Zero)
        {
            failures.Add($"{ClusterMembershipOptions.SectionName}:LeaseMargin must not be negative (was {options.LeaseMargin}).");
        }

        if (options.HeartbeatInterval * 2 > options.LeaseDuration)
        {
            failures.Add($"{ClusterMembershipOptions.SectionName}:HeartbeatInterval ({options.HeartbeatInterval}) must be at most half of LeaseDuration ({options.LeaseDuration}), so one slow heartbeat does not fence the silo.");
        }

        if (options.ProbeTimeout > options.ProbeInterval)
        {
            failures.Add($"{ClusterMembershipOptions.SectionName}:ProbeTimeout ({options.ProbeTimeout}) must not exceed ProbeInterval ({options.ProbeInterval}).");
        }

        if (options.ProbedSuccessors < 1 || options.MissedProbesForVote < 1 || options.VotesForDeath < 1)
        {
            failures.Add($"{ClusterMembershipOptions.SectionName}:ProbedSuccessors, MissedProbesForVote and VotesForDeath must be at least 1.");
        }
        else if (options.VotesForDeath > options.ProbedSuccessors)
        {
            failures.Add($"{ClusterMembershipOptions.SectionName}:VotesForDeath ({options.VotesForDeath}) must not exceed ProbedSuccessors ({options.ProbedSuccessors}): only the peers that probe a silo vote against it, so more votes could never come.");
        }

        if (options.SiloId is { Length: 0 } || string.IsNullOrWhiteSpace(options.Role) || options.InternalPort is < 0 or > 65535)
        {
            failures.Add($"{ClusterMembershipOptions.SectionName}:SiloId must not be empty, Role must be set and InternalPort must be 0-65535.");
        }

        if (!System.Net.IPAddress.TryParse(options.ListenAddress, out _))
        {
            failures.Add($"{ClusterMembershipOptions.SectionName}:ListenAddress must be an IP address (was '{options.ListenAddress}').");
        }

        if (options.MaxMessageBytes < 1024)
        {
            failures.Add($"{ClusterMembershipOptions.SectionName}:MaxMessageBytes must be at least 1024.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
