namespace CsmsCluster.Gateway;

/// <summary>The one outstanding CSMS-initiated CALL of a session, matched to the charger's answer by unique id.</summary>
internal sealed class PendingCall(string uniqueId, string action)
{
    private readonly TaskCompletionSource<ChargerAnswer> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string UniqueId { get; } = uniqueId;

    /// <summary>The action of the CALL (for metrics).</summary>
    public string Action { get; } = action;

    public Task<ChargerAnswer> Answer => _answer.Task;

    public bool TryComplete(ChargerAnswer answer) => _answer.TrySetResult(answer);
}
