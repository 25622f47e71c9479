using Microsoft.Extensions.Options;

namespace CsmsCluster.Server.Telemetry;

/// <summary>Checks <see cref="TelemetryOptions"/> at start-up, naming the key of each bad value.</summary>
internal sealed class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
    public ValidateOptionsResult Validate(string? name, TelemetryOptions options)
    {
        var errors = new List<string>();
        if (options.Enabled
            && (!Uri.TryCreate(options.OtlpEndpoint, UriKind.Absolute, out var endpoint) || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps)))
        {
            errors.Add($"{TelemetryOptions.Section}:OtlpEndpoint (or OTEL_EXPORTER_OTLP_ENDPOINT) must be an absolute http or https URL (was '{options.OtlpEndpoint}').");
        }

        if (options.OtlpProtocol is not (TelemetryOptions.HttpProtobuf or TelemetryOptions.Grpc))
        {
            errors.Add($"{TelemetryOptions.Section}:OtlpProtocol (or OTEL_EXPORTER_OTLP_PROTOCOL) must be '{TelemetryOptions.HttpProtobuf}' or '{TelemetryOptions.Grpc}' (was '{options.OtlpProtocol}').");
        }

        if (options.ExportInterval is { } interval && (interval <= TimeSpan.Zero || interval.TotalMilliseconds > int.MaxValue))
        {
            errors.Add($"{TelemetryOptions.Section}:ExportInterval must be positive (was {interval}).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
