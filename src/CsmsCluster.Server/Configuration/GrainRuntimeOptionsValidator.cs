using CsmsCluster.Grains;
using Microsoft.Extensions.Options;

namespace CsmsCluster.Server.Configuration;

/// <summary>Names the <c>Csms:Grains</c> key of each bad value (the runtime's own check cannot know the section).</summary>
internal sealed class GrainRuntimeOptionsValidator : IValidateOptions<GrainRuntimeOptions>
{
    public const string Section = "Csms:Grains";

    public ValidateOptionsResult Validate(string? name, GrainRuntimeOptions options)
    {
        var errors = new List<string>();
        Positive(errors, nameof(options.DefaultCallTimeout), options.DefaultCallTimeout);
        Positive(errors, nameof(options.IdleDeactivationAge), options.IdleDeactivationAge);
        Positive(errors, nameof(options.IdleSweepInterval), options.IdleSweepInterval);
        if (options.ShutdownDeactivationTimeout < TimeSpan.Zero)
        {
            errors.Add($"{Section}:ShutdownDeactivationTimeout must not be negative (was {options.ShutdownDeactivationTimeout}).");
        }

        if (options.MailboxCapacity < 1)
        {
            errors.Add($"{Section}:MailboxCapacity must be at least 1 (was {options.MailboxCapacity}).");
        }

        if (string.IsNullOrWhiteSpace(options.ServiceId))
        {
            errors.Add($"{Section}:ServiceId must not be empty.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Positive(List<string> errors, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{Section}:{key} must be positive (was {value}).");
        }
    }
}
