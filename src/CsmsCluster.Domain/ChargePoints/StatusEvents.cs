using CsmsCluster.Contracts;

namespace CsmsCluster.Domain.ChargePoints;

/// <summary>Records firmware, diagnostics and log status notifications in the bounded status history.</summary>
internal static class StatusEvents
{
    /// <summary>How many status events a charge point keeps.</summary>
    public const int Kept = 100;

    public static void Record(ChargerCallContext context, string kind, string status, int? requestId)
    {
        BoundedList.Append(context.State.StatusEvents, new StatusEventRecord(kind, status, requestId, context.Now), Kept);
        context.MarkChanged();
    }
}
