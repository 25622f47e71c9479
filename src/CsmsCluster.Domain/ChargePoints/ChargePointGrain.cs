using System.Security.Cryptography;
using System.Text;
using CsmsCluster.Contracts;
using CsmsCluster.Domain.Authorization;
using CsmsCluster.Domain.ChargePoints.Commands;
using CsmsCluster.Domain.Sites;
using CsmsCluster.Grains;
using CsmsCluster.Ocpp;
using CsmsCluster.Persistence;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CsmsCluster.Domain.ChargePoints;

/// <summary>
/// The charge point grain: the single owner of one charger's registration, connection, connectors and open
/// transactions. Charger-initiated calls are handled by one handler per action (see <see cref="ChargerCallHandlers"/>).
/// </summary>
[GrainType("charge-point")]
public sealed class ChargePointGrain(
    ChargerCallHandlers handlers,
    CsmsCallObservers observers,
    IChargerGateway gateway,
    IChargePointDirectory directory,
    IOptions<ChargePointOptions> options,
    TimeProvider time,
    ILogger<ChargePointGrain> logger)
    : Grain<ChargePointState>, IChargePointGrain
{
    /// <summary>SHA-256 of the last password that passed PBKDF2 verification (memory only), so reconnect storms
    /// do not pay PBKDF2 per connection.</summary>
    private byte[]? _verifiedPasswordDigest;
    private DateTimeOffset _lastSeenWritten;
    private bool _delivering;

    /// <summary>The scheduled write of a result recorded behind (see <see cref="CsmsCallRequest.RecordBehind"/>).</summary>
    private IDisposable? _writeBehind;

    /// <summary>Time kept back from the grain-call deadline for answering after the charger's wait ends.</summary>
    private static readonly TimeSpan DeadlineMargin = TimeSpan.FromSeconds(1);

    /// <summary>A queued command is not started with less than this left of the delivery call's deadline.</summary>
    private static readonly TimeSpan MinimumDeliveryTime = TimeSpan.FromSeconds(5);

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _lastSeenWritten = State.LastSeen ?? DateTimeOffset.MinValue;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // A fenced activation must not write: another activation owns the state now.
        if (_writeBehind is not null && reason != DeactivationReason.Fenced)
        {
            await WriteStateAsync(cancellationToken);
            ClearWriteBehind();
        }
    }

    /// <inheritdoc />
    public async Task<ConnectDecision> ConnectAsync(ChargerConnection connection, ChargerCredentials credentials)
    {
        if (options.Value.RequireRegistration && !State.Registered)
        {
            return new ConnectDecision(ConnectResult.NotRegistered);
        }

        if (!SecurityProfiles.Admits(State.SecurityProfile, State.PasswordHash, credentials, VerifyPassword))
        {
            return new ConnectDecision(ConnectResult.Unauthorized);
        }

        var now = time.GetUtcNow();
        State.Known = true;
        State.Connection = new ConnectionRecord(connection.NodeId, connection.ConnectionId, connection.OcppVersion, now, Open: true);
        State.LastSeen = now;
        await SaveAsync(updateDirectory: true);
        await ReportChargerToSiteAsync();
        return new ConnectDecision(ConnectResult.Accepted, CommandQueue.Next(State) is not null);
    }

    /// <inheritdoc />
    public async Task DisconnectAsync(ChargerConnection connection)
    {
        if (!IsCurrent(connection) || State.Connection is not { Open: true } current)
        {
            return;
        }

        State.Connection = current with { Open = false };
        await SaveAsync(updateDirectory: true);
        await ReportChargerToSiteAsync();
    }

    /// <inheritdoc />
    public async Task<OcppReply> HandleCallAsync(ChargerConnection connection, InboundCall call)
    {
        var version = OcppSubprotocols.TryParse(connection.OcppVersion, out var v) ? v : OcppVersion.V16;
        if (!handlers.TryGet(version, call.Action, out var handler))
        {
            return OcppReply.Error(OcppErrorCodes.ToWire(OcppErrorCode.NotSupported, version), $"'{call.Action}' is not supported by this CSMS.");
        }

        var now = time.GetUtcNow();
        State.LastSeen = now;
        var context = new ChargerCallContext(GetPrimaryKeyString(), State, version, now, options.Value, SaveAsync);
        var reply = await handler.HandleAsync(context, call.Payload, CallToken);
        if (context.StateChanged || context.DirectoryChanged || now - _lastSeenWritten >= options.Value.LastSeenPersistInterval)
        {
            await SaveAsync(context.DirectoryChanged);
        }

        await ReportCallToSiteAsync(call);
        return CommandQueue.Next(State) is null ? reply : reply with { HasQueuedCommands = true };
    }

    /// <inheritdoc />
    public async Task<CsmsCallOutcome> SendCallAsync(CsmsCallRequest request)
    {
        if (!IsConnected())
        {
            if (request.QueueFor is not { } ttl)
            {
                return new CsmsCallOutcome(CsmsCallStatus.NotConnected, ErrorDescription: "The charge point is not connected.");
            }

            var queued = CommandQueue.Enqueue(State, request.Action, request.Payload, ttl, time.GetUtcNow());
            await SaveAsync(updateDirectory: false);
            return new CsmsCallOutcome(CsmsCallStatus.Queued, Queued: queued);
        }

        return await SendNowAsync(request.Action, request.Payload, request.Timeout, request.RecordBehind);
    }

    /// <inheritdoc />
    public async Task DeliverQueuedAsync()
    {
        if (_delivering)
        {
            return;
        }

        _delivering = true;
        try
        {
            var changed = CommandQueue.Expire(State, time.GetUtcNow());
            // Stop with time to spare before this call's own deadline; the gateway asks again after the next message.
            while (IsConnected() && HasTimeLeft() && CommandQueue.Next(State) is { } command)
            {
                var outcome = await SendNowAsync(command.Action, Encoding.UTF8.GetBytes(command.PayloadJson), TimeSpan.Zero, recordBehind: false);
                if (outcome.Status == CsmsCallStatus.NotConnected)
                {
                    break;
                }

                CommandQueue.Finish(State, command.CommandId, outcome, time.GetUtcNow());
                changed = true;
            }

            if (changed)
            {
                await SaveAsync(updateDirectory: false);
            }
        }
        finally
        {
            _delivering = false;
        }
    }

    /// <inheritdoc />
    public Task<ChargePointView> GetAsync() => Task.FromResult(ChargePointViews.Create(GetPrimaryKeyString(), State, IsConnected()));

    /// <inheritdoc />
    public async Task<ChargePointDetails> GetDetailsAsync()
    {
        var now = time.GetUtcNow();
        if (CommandQueue.Expire(State, now))
        {
            await SaveAsync(updateDirectory: false);
        }

        return ChargePointViews.Details(State, now);
    }

    /// <inheritdoc />
    public async Task<ChargePointView> RegisterAsync(ChargePointRegistration registration)
    {
        State.Registered = true;
        State.Known = true;
        var previousSite = State.SiteId;
        State.SiteId = registration.SiteId ?? State.SiteId;
        State.MaxCurrent = registration.MaxCurrent ?? State.MaxCurrent;
        State.Phases = registration.Phases ?? State.Phases;
        State.SecurityProfile = registration.SecurityProfile ?? State.SecurityProfile;
        if (registration.Password is { } password)
        {
            State.PasswordHash = password.Length == 0 ? null : PasswordHasher.Hash(password);
            _verifiedPasswordDigest = null;
        }

        await SaveAsync(updateDirectory: true);
        if (previousSite is not null && previousSite != State.SiteId)
        {
            await ReportToSiteAsync(previousSite, site => site.RemoveChargerAsync(GetPrimaryKeyString()));
        }

        await ReportChargerToSiteAsync();
        return ChargePointViews.Create(GetPrimaryKeyString(), State, IsConnected());
    }

    /// <summary>Sends a call to the connected charger and applies what its answer establishes.</summary>
    private async Task<CsmsCallOutcome> SendNowAsync(string action, byte[] payload, TimeSpan requestedTimeout, bool recordBehind)
    {
        if (State.Connection is not { Open: true } c || !gateway.IsNodeAlive(c.NodeId))
        {
            return new CsmsCallOutcome(CsmsCallStatus.NotConnected, ErrorDescription: "The charge point is not connected.");
        }

        var timeout = requestedTimeout > TimeSpan.Zero ? requestedTimeout : options.Value.CallTimeout;
        // Wait for the charger within this grain call's own deadline, so the caller learns "timeout" from the
        // charger side rather than losing the answer to the grain-call deadline.
        if (GrainCallContext.Current is { } call && call.Deadline != DateTimeOffset.MaxValue)
        {
            var left = call.Deadline - time.GetUtcNow() - DeadlineMargin;
            timeout = left < timeout ? (left > TimeSpan.Zero ? left : TimeSpan.Zero) : timeout;
        }

        var target = new ChargerConnection(c.NodeId, c.ConnectionId, c.OcppVersion);
        var outcome = await gateway.SendCallAsync(GetPrimaryKeyString(), target, action, payload, timeout, CallToken);
        DomainLog.CsmsCallCompleted(logger, GetPrimaryKeyString(), action, outcome.Status);
        var version = OcppSubprotocols.TryParse(c.OcppVersion, out var v) ? v : OcppVersion.V16;
        if (outcome.Status == CsmsCallStatus.Completed
            && observers.TryGet(version, action, out var observer)
            && observer.Apply(State, payload, outcome.Payload!, time.GetUtcNow()))
        {
            if (recordBehind)
            {
                ScheduleWriteBehind();
            }
            else
            {
                await SaveAsync(updateDirectory: false);
            }
        }

        return outcome;
    }

    /// <summary>Tells the site what a charger message changed: transactions and statuses, or a measured draw.</summary>
    private Task ReportCallToSiteAsync(InboundCall call)
    {
        if (State.SiteId is null)
        {
            return Task.CompletedTask;
        }

        switch (call.Action)
        {
            case "MeterValues":
                var sample = SiteReports.Meter(GetPrimaryKeyString(), call.Payload);
                return sample is null ? Task.CompletedTask : ReportToSiteAsync(State.SiteId, site => site.ReportMeterAsync(sample));
            case "BootNotification" or "StatusNotification" or "StartTransaction" or "StopTransaction":
                return ReportChargerToSiteAsync();
            default:
                return Task.CompletedTask;
        }
    }

    private Task ReportChargerToSiteAsync()
    {
        if (State.SiteId is not { } siteId)
        {
            return Task.CompletedTask;
        }

        var observation = SiteReports.Charger(GetPrimaryKeyString(), State, IsConnected());
        return ReportToSiteAsync(siteId, site => site.ReportChargerAsync(observation));
    }

    /// <summary>A site that cannot be reached must not fail the charger's message: the next report carries the state.</summary>
    private async Task ReportToSiteAsync(string siteId, Func<ISiteGrain, Task> report)
    {
        try
        {
            await report(GrainFactory.GetGrain<ISiteGrain>(siteId));
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            SiteLog.ReportFailed(logger, GetPrimaryKeyString(), siteId, exception);
        }
    }

    private bool HasTimeLeft() =>
        GrainCallContext.Current is not { } call || call.Deadline - time.GetUtcNow() > MinimumDeliveryTime;

    private static CancellationToken CallToken => GrainCallContext.Current?.CancellationToken ?? CancellationToken.None;

    private bool IsConnected() => State.Connection is { Open: true } c && gateway.IsNodeAlive(c.NodeId);

    private bool IsCurrent(ChargerConnection connection) =>
        State.Connection is { } c && c.NodeId == connection.NodeId && c.ConnectionId == connection.ConnectionId;

    private bool VerifyPassword(string password, string hash)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(password));
        if (_verifiedPasswordDigest is not null && CryptographicOperations.FixedTimeEquals(digest, _verifiedPasswordDigest))
        {
            return true;
        }

        if (!PasswordHasher.Verify(password, hash))
        {
            return false;
        }

        _verifiedPasswordDigest = digest;
        return true;
    }

    /// <summary>
    /// Holds back the write of a result the caller keeps durably: it goes with the next state write, at deactivation,
    /// or after a delay spread over [d, 2d) so that the answers to one site fan-out do not come back as a burst of
    /// writes in front of the next allocation's writes.
    /// </summary>
    private void ScheduleWriteBehind()
    {
        if (_writeBehind is not null)
        {
            return;
        }

        var delay = options.Value.RecordBehindDelay;
        var due = delay + TimeSpan.FromTicks((long)(delay.Ticks * Random.Shared.NextDouble()));
        _writeBehind = RegisterGrainTimer(_ => _writeBehind is null ? Task.CompletedTask : SaveAsync(updateDirectory: false), due, Timeout.InfiniteTimeSpan);
    }

    private void ClearWriteBehind()
    {
        _writeBehind?.Dispose();
        _writeBehind = null;
    }

    private async Task SaveAsync(bool updateDirectory)
    {
        await WriteStateAsync(CallToken);
        ClearWriteBehind();
        _lastSeenWritten = State.LastSeen ?? _lastSeenWritten;
        if (updateDirectory)
        {
            await directory.UpsertAsync(ChargePointViews.Summary(GetPrimaryKeyString(), State, time.GetUtcNow()), CallToken);
        }
    }
}
