using System.Diagnostics;
using System.Text.Json;
using CsmsCluster.Contracts;
using CsmsCluster.Grains;
using CsmsCluster.SmartCharging.Loop;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CsmsCluster.Domain.Sites;

/// <summary>
/// Carries out a site's profile commands outside the site's turn: each goes to its ChargePoint grain (which waits for
/// the charger's answer) and the answer comes back to the site as a call of its own. The site never waits on a charger,
/// so its reports from charge points are never held up behind a slow answer.
/// </summary>
public sealed class SiteProfileSender(IGrainFactory grains, IOptions<SiteOptions> options, SiteMetrics metrics, ILogger<SiteProfileSender> logger)
{
    private int _inFlight;

    /// <summary>Sends still waiting for their answer (for shutdown and tests).</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Starts every command; returns at once.</summary>
    /// <param name="siteId">The site whose commands these are.</param>
    /// <param name="commands">The commands.</param>
    public void Dispatch(string siteId, IReadOnlyList<ProfileCommand> commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        if (commands.Count == 0)
        {
            return;
        }

        // The sends must not inherit the site's turn (its call chain and deadline): they outlive it.
        using (ExecutionContext.SuppressFlow())
        {
            foreach (var command in commands)
            {
                Interlocked.Increment(ref _inFlight);
                _ = Task.Run(() => SendAsync(siteId, command));
            }
        }
    }

    private async Task SendAsync(string siteId, ProfileCommand command)
    {
        var answer = new ProfileAnswer(command.ConnectorId, command.Sequence, ProfileOutcome.Failed);
        try
        {
            var outcome = await grains.GetGrain<IChargePointGrain>(command.ChargerId)
                .SendCallAsync(new CsmsCallRequest("SetChargingProfile", SiteProfilePayload.Create(command), options.Value.ProfileTimeout, RecordBehind: true));
            answer = Answer(command, outcome);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            SiteLog.SendFailed(logger, siteId, command.ChargerId, exception);
        }

        metrics.Sends.Add(1, new TagList { { "purpose", command.Purpose }, { "outcome", answer.Outcome.ToString() } });
        try
        {
            await grains.GetGrain<ISiteGrain>(siteId).CompleteProfileAsync(answer);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The site keeps the send pending (counted pessimistically) and re-sends after it is activated again.
            SiteLog.SendFailed(logger, siteId, command.ChargerId, exception);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private static ProfileAnswer Answer(ProfileCommand command, CsmsCallOutcome outcome)
    {
        switch (outcome.Status)
        {
            case CsmsCallStatus.Completed:
                var status = Status(outcome.Payload);
                var result = status == "Accepted" ? ProfileOutcome.Accepted : ProfileOutcome.Rejected;
                return new ProfileAnswer(command.ConnectorId, command.Sequence, result, status);
            case CsmsCallStatus.NotConnected or CsmsCallStatus.Queued:
                return new ProfileAnswer(command.ConnectorId, command.Sequence, ProfileOutcome.NotDelivered, outcome.ErrorDescription);
            default:
                return new ProfileAnswer(command.ConnectorId, command.Sequence, ProfileOutcome.Failed, outcome.ErrorCode ?? outcome.Status.ToString());
        }
    }

    private static string? Status(byte[]? payload)
    {
        if (payload is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(payload);
        return document.RootElement.TryGetProperty("status", out var status) ? status.GetString() : null;
    }
}
