using System.Globalization;
using System.Text.Json;

namespace CsmsCluster.Ocpp.Validation;

/// <summary>
/// A schema violation on its way up from the generated validators. The valid path allocates nothing: the JSON
/// Pointer is assembled only on failure, each enclosing validator prepending its segment with <see cref="At(string)"/>
/// while the error unwinds.
/// </summary>
internal sealed class ValidationError
{
    private readonly List<string> _reversedSegments = [];

    private ValidationError(OcppErrorCode code, string message)
    {
        Code = code;
        Message = message;
    }

    public OcppErrorCode Code { get; }

    public string Message { get; }

    public static ValidationError TypeMismatch(string expected, JsonTokenType found) =>
        new(OcppErrorCode.TypeConstraintViolation, $"expected {expected}, found {TokenName(found)}");

    public static ValidationError Type(string message) => new(OcppErrorCode.TypeConstraintViolation, message);

    public static ValidationError Occurrence(string message) => new(OcppErrorCode.OccurrenceConstraintViolation, message);

    public static ValidationError Property(string message) => new(OcppErrorCode.PropertyConstraintViolation, message);

    public static ValidationError MissingRequired(string property) =>
        new ValidationError(OcppErrorCode.OccurrenceConstraintViolation, "required property missing").At(property);

    /// <summary>Reports the property the reader is positioned on (a property name) as not allowed.</summary>
    public static ValidationError AdditionalProperty(ref Utf8JsonReader reader) =>
        new ValidationError(OcppErrorCode.PropertyConstraintViolation, "additional property not allowed").At(reader.GetString()!);

    /// <summary>Reports the string the reader is positioned on as not one of the values of <paramref name="enumName"/>.</summary>
    public static ValidationError NotInEnum(ref Utf8JsonReader reader, string enumName)
    {
        var value = reader.GetString()!;
        if (value.Length > 40)
        {
            value = string.Concat(value.AsSpan(0, 40), "...");
        }

        return new(OcppErrorCode.PropertyConstraintViolation, $"value \"{value}\" is not a valid {enumName}");
    }

    /// <summary>Prepends a property name to the path (escaped per RFC 6901).</summary>
    public ValidationError At(string property)
    {
        _reversedSegments.Add(property.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));
        return this;
    }

    /// <summary>Prepends an array index to the path.</summary>
    public ValidationError At(int index)
    {
        _reversedSegments.Add(index.ToString(CultureInfo.InvariantCulture));
        return this;
    }

    public OcppValidationResult ToResult()
    {
        if (_reversedSegments.Count == 0)
        {
            return OcppValidationResult.Failure(Code, string.Empty, Message);
        }

        var path = new System.Text.StringBuilder();
        for (var i = _reversedSegments.Count - 1; i >= 0; i--)
        {
            path.Append('/').Append(_reversedSegments[i]);
        }

        return OcppValidationResult.Failure(Code, path.ToString(), Message);
    }

    private static string TokenName(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "object",
        JsonTokenType.StartArray => "array",
        JsonTokenType.String => "string",
        JsonTokenType.Number => "number",
        JsonTokenType.True or JsonTokenType.False => "boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
