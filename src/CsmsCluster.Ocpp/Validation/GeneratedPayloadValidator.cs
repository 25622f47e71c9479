using System.Text.Json;

namespace CsmsCluster.Ocpp.Validation;

/// <summary>
/// Adapts a generated <see cref="PayloadObjectValidator"/> to <see cref="IOcppPayloadValidator"/>: checks that the
/// payload is one JSON object and turns reader errors into <see cref="OcppErrorCode.FormationViolation"/>. A payload
/// that is not valid JSON is always a formation violation: after a schema violation the rest is still read.
/// </summary>
internal sealed class GeneratedPayloadValidator(
    OcppVersion version, string action, OcppPayloadKind kind, PayloadObjectValidator validateObject) : IOcppPayloadValidator
{
    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Disallow };

    public OcppVersion Version { get; } = version;

    public string Action { get; } = action;

    public OcppPayloadKind Kind { get; } = kind;

    public OcppValidationResult Validate(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, ReaderOptions);
        try
        {
            if (!reader.Read())
            {
                return OcppValidationResult.Failure(OcppErrorCode.FormationViolation, string.Empty, "payload is empty");
            }

            var error = reader.TokenType == JsonTokenType.StartObject
                ? validateObject(ref reader)
                : ValidationError.TypeMismatch("object", reader.TokenType);
            if (error is not null)
            {
                // Invalid JSON anywhere wins over a schema violation before it, as in the frame parser.
                while (reader.Read())
                {
                }

                return error.ToResult();
            }

            // Only whitespace may follow the object; anything else makes Read throw.
            reader.Read();
            return OcppValidationResult.Success;
        }
        catch (JsonException ex)
        {
            return OcppValidationResult.Failure(OcppErrorCode.FormationViolation, string.Empty, $"payload is not valid JSON: {ex.Message}");
        }
    }

    public override string ToString() => $"{Version} {Action} {Kind}";
}
