using System.Text;
using CsmsCluster.Contracts;

namespace CsmsCluster.Domain.ChargePoints;

/// <summary>
/// The pure rules of a charge point's queued commands (kept in <see cref="ChargePointState.QueuedCommands"/>):
/// first in, first out; a command past its expiry is never sent; finished commands are kept for the API, bounded.
/// </summary>
internal static class CommandQueue
{
    /// <summary>How many finished commands are kept for status queries.</summary>
    public const int FinishedKept = 100;

    public static QueuedCommand Enqueue(ChargePointState state, string action, byte[] payload, TimeSpan ttl, DateTimeOffset now)
    {
        var command = new QueuedCommand(Guid.NewGuid().ToString("N"), action, Encoding.UTF8.GetString(payload), now, now + ttl, QueuedCommand.Queued);
        state.QueuedCommands.Add(command);
        return command;
    }

    /// <summary>Marks waiting commands past their expiry as Expired; returns whether any changed.</summary>
    public static bool Expire(ChargePointState state, DateTimeOffset now)
    {
        var changed = false;
        for (var i = 0; i < state.QueuedCommands.Count; i++)
        {
            var c = state.QueuedCommands[i];
            if (c.Status == QueuedCommand.Queued && c.ExpiresAt <= now)
            {
                state.QueuedCommands[i] = c with { Status = "Expired", Error = "Expired before the charger was connected.", FinishedAt = now };
                changed = true;
            }
        }

        return changed;
    }

    /// <summary>The oldest command still waiting, if any.</summary>
    public static QueuedCommand? Next(ChargePointState state) =>
        state.QueuedCommands.Find(c => c.Status == QueuedCommand.Queued);

    /// <summary>Records how a command ended and drops the oldest finished ones beyond the bound.</summary>
    public static void Finish(ChargePointState state, string commandId, CsmsCallOutcome outcome, DateTimeOffset now)
    {
        var index = state.QueuedCommands.FindIndex(c => c.CommandId == commandId);
        if (index < 0)
        {
            return;
        }

        state.QueuedCommands[index] = state.QueuedCommands[index] with
        {
            Status = outcome.Status.ToString(),
            ResultJson = outcome.Payload is { } p ? Encoding.UTF8.GetString(p) : null,
            Error = outcome.ErrorCode is { } code ? $"{code}: {outcome.ErrorDescription}" : outcome.ErrorDescription,
            FinishedAt = now,
        };
        var finished = state.QueuedCommands.Count(c => c.Status != QueuedCommand.Queued);
        for (var i = 0; finished > FinishedKept && i < state.QueuedCommands.Count;)
        {
            if (state.QueuedCommands[i].Status != QueuedCommand.Queued)
            {
                state.QueuedCommands.RemoveAt(i);
                finished--;
            }
            else
            {
                i++;
            }
        }
    }
}
