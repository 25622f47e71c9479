using System.Diagnostics;
using Spectre.Console;

namespace CsmsCluster.Simulator;

/// <summary>Shows a fleet's progress once a second: a live table on a terminal, plain lines otherwise.</summary>
public static class ProgressDisplay
{
    /// <summary>Runs until <paramref name="stop"/>.</summary>
    public static async Task RunAsync(Fleet fleet, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            await LoopAsync(fleet, line => Console.WriteLine(line), stop);
            return;
        }

        var table = new Table().AddColumns("connected", "boots accepted", "pending", "503", "msg/s", "errors", "drops");
        table.AddRow("0", "0", "0", "0", "0", "0", "0");
        await AnsiConsole.Live(table).StartAsync(async context =>
            await LoopAsync(fleet, _ =>
            {
                var s = fleet.Stats;
                var cells = new[] { s.Connected, s.BootsAccepted, s.BootsPending, s.Refused503, 0, s.CallErrors + s.CallTimeouts, s.UnexpectedDisconnects };
                table.RemoveRow(0);
                table.AddRow([.. cells.Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
                context.Refresh();
            }, stop));
    }

    private static async Task LoopAsync(Fleet fleet, Action<string> show, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        var clock = Stopwatch.StartNew();
        long lastMessages = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var s = fleet.Stats;
                var messages = s.MessagesIn + s.MessagesOut;
                show($"{clock.Elapsed:hh\\:mm\\:ss} connected {s.Connected}, boots accepted {s.BootsAccepted} (pending {s.BootsPending}), "
                    + $"503 {s.Refused503}, {messages - lastMessages} msg/s, errors {s.CallErrors + s.CallTimeouts}, drops {s.UnexpectedDisconnects}");
                lastMessages = messages;
            }
        }
        catch (OperationCanceledException)
        {
            // Done.
        }
    }
}
