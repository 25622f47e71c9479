using System.Globalization;
using CsmsCluster.Ocpp.Generator.Model;

namespace CsmsCluster.Ocpp.Generator.Emit;

/// <summary>
/// Emits the validators: for every class a method that checks one JSON object in a single forward pass of
/// <c>Utf8JsonReader</c>, for every enum a method that checks one string, and for every array property a method
/// that checks the array. The schemas are compiled into this code, so nothing is interpreted per message; the
/// per-value checks and error codes live in the library's <c>PayloadChecks</c>.
/// </summary>
internal static class ValidatorEmitter
{
    private static readonly string[] Usings = ["System.Text.Json", "CsmsCluster.Ocpp.Validation"];

    public static string Object(VersionModel version, string title, GeneratedObject type)
    {
        var code = new CodeWriter(title, Usings);
        code.Line($"namespace {version.Namespace};").Line();
        code.Open($"internal static partial class {version.Prefix}Validators");
        code.Summary($"Validates a <see cref=\"{type.Name}\"/> object. The reader is on its <c>{{</c> and is left on its <c>}}</c>.");
        code.Open($"internal static ValidationError? Validate{type.Name}(ref Utf8JsonReader reader)");
        if (type.Required.Count > 0)
        {
            code.Line("var seen = 0UL;");
        }

        code.Open("while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)");
        var arrays = new List<(string Method, ArrayShape Shape)>();
        var keyword = "if";
        foreach (var property in type.Properties)
        {
            code.Open($"{keyword} (reader.ValueTextEquals(\"{property.JsonName}\"u8))");
            var bit = type.Required.IndexOf(property);
            if (bit >= 0)
            {
                code.Line($"seen |= {Bit(bit)};");
            }

            code.Line("reader.Read();");
            code.Line($"var error = {Check(property.Shape, type.Name + property.ClrName, arrays)};");
            code.Open("if (error is not null)");
            code.Line($"return error.At(\"{property.JsonName}\");");
            code.Close();
            code.Close();
            keyword = "else if";
        }

        if (type.Properties.Count > 0)
        {
            code.Open("else");
        }

        // additionalProperties: false forbids unknown names; otherwise their values are skipped unchecked.
        code.Line(type.AllowsAdditionalProperties ? "reader.Skip();" : "return ValidationError.AdditionalProperty(ref reader);");
        if (type.Properties.Count > 0)
        {
            code.Close();
        }

        code.Close();
        if (type.Required.Count > 0)
        {
            code.Line();
            code.Open($"if (seen != {Mask(type.Required.Count)})");
            for (var i = 0; i < type.Required.Count; i++)
            {
                if (i > 0)
                {
                    code.Line();
                }

                code.Open($"if ((seen & {Bit(i)}) == 0)");
                code.Line($"return ValidationError.MissingRequired(\"{type.Required[i].JsonName}\");");
                code.Close();
            }

            code.Close();
        }

        code.Line();
        code.Line("return null;");
        code.Close();

        // Array methods may add further array methods (arrays of arrays), hence the index loop.
        for (var i = 0; i < arrays.Count; i++)
        {
            code.Line();
            EmitArray(code, arrays[i].Method, arrays[i].Shape, arrays);
        }

        code.Close();
        return code.ToString();
    }

    public static string Enum(VersionModel version, string title, GeneratedEnum type)
    {
        var code = new CodeWriter(title, Usings);
        code.Line($"namespace {version.Namespace};").Line();
        code.Open($"internal static partial class {version.Prefix}Validators");
        code.Summary($"Validates a <see cref=\"{type.Name}\"/> value: a string equal to one of its wire names.");
        code.Open($"internal static ValidationError? Validate{type.Name}(ref Utf8JsonReader reader)");
        code.Open("if (reader.TokenType != JsonTokenType.String)");
        code.Line("return ValidationError.TypeMismatch(\"string\", reader.TokenType);");
        code.Close();
        code.Line();
        for (var i = 0; i < type.Members.Count; i++)
        {
            var test = $"reader.ValueTextEquals(\"{type.Members[i].WireName}\"u8)";
            code.Line(i == 0 ? $"return {test}" : $"    || {test}");
        }

        code.Line("    ? null");
        code.Line($"    : ValidationError.NotInEnum(ref reader, \"{type.Name}\");");
        code.Close();
        code.Close();
        return code.ToString();
    }

    private static void EmitArray(CodeWriter code, string method, ArrayShape shape, List<(string Method, ArrayShape Shape)> arrays)
    {
        code.Summary("Validates the array the reader is on and its items.");
        code.Open($"private static ValidationError? Validate{method}(ref Utf8JsonReader reader)");
        code.Open("if (reader.TokenType != JsonTokenType.StartArray)");
        code.Line("return ValidationError.TypeMismatch(\"array\", reader.TokenType);");
        code.Close();
        code.Line();
        code.Line("var count = 0;");
        code.Open("while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)");
        if (shape.MaxItems is { } max)
        {
            code.Open($"if (count == {Int(max)})");
            code.Line($"return PayloadChecks.TooManyItems({Int(max)});");
            code.Close();
            code.Line();
        }

        code.Line($"var error = {Check(shape.Items, method + "Items", arrays)};");
        code.Open("if (error is not null)");
        code.Line("return error.At(count);");
        code.Close();
        code.Line();
        code.Line("count++;");
        code.Close();
        code.Line();
        if (shape.MinItems is { } min && min > 0)
        {
            code.Line($"return count < {Int(min)} ? PayloadChecks.TooFewItems({Int(min)}) : null;");
        }
        else
        {
            code.Line("return null;");
        }

        code.Close();
    }

    /// <summary>The expression that checks the value the reader is on; arrays get their own method, named <paramref name="arrayMethod"/>.</summary>
    private static string Check(ValueShape shape, string arrayMethod, List<(string Method, ArrayShape Shape)> arrays)
    {
        switch (shape)
        {
            case PrimitiveShape { Kind: PrimitiveKind.String, Format: "date-time" }:
                return "PayloadChecks.DateTime(ref reader)";
            case PrimitiveShape { Kind: PrimitiveKind.String, Format: "uri" } p:
                return $"PayloadChecks.Uri(ref reader, {Int(p.MaxLength ?? -1)})";
            case PrimitiveShape { Kind: PrimitiveKind.String, Format: null } p:
                return $"PayloadChecks.String(ref reader, {Int(p.MaxLength ?? -1)})";
            case PrimitiveShape { Kind: PrimitiveKind.String } p:
                throw new InvalidDataException($"Unsupported string format '{p.Format}'.");
            case PrimitiveShape { Kind: PrimitiveKind.Integer } p:
                return $"PayloadChecks.Integer(ref reader, {IntBound(p.Minimum, "int.MinValue")}, {IntBound(p.Maximum, "int.MaxValue")})";
            case PrimitiveShape { Kind: PrimitiveKind.Number } p:
                return $"PayloadChecks.Number(ref reader, {Dec(p.Minimum)}, {Dec(p.Maximum)}, {Dec(p.MultipleOf)})";
            case PrimitiveShape { Kind: PrimitiveKind.Boolean }:
                return "PayloadChecks.Boolean(ref reader)";
            case PrimitiveShape { Kind: PrimitiveKind.Any }:
                return "PayloadChecks.Any(ref reader)";
            case EnumShape e:
                return $"Validate{e.Enum.Name}(ref reader)";
            case ObjectShape o:
                return $"reader.TokenType == JsonTokenType.StartObject ? Validate{o.Object.Name}(ref reader) : ValidationError.TypeMismatch(\"object\", reader.TokenType)";
            case ArrayShape a:
                arrays.Add((arrayMethod, a));
                return $"Validate{arrayMethod}(ref reader)";
            default:
                throw new InvalidOperationException($"Unknown shape {shape}.");
        }
    }

    private static string Bit(int index) => $"0x{1UL << index:X}UL";

    private static string Mask(int count) => count == 64 ? "ulong.MaxValue" : $"0x{(1UL << count) - 1:X}UL";

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string IntBound(decimal? bound, string none) =>
        bound is { } b ? ((int)b == b ? Int((int)b) : throw new InvalidDataException($"Integer bound {b} is not whole.")) : none;

    private static string Dec(decimal? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) + "m" : "null";
}
