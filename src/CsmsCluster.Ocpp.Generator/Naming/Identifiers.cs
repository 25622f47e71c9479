using System.Text;

namespace CsmsCluster.Ocpp.Generator.Naming;

/// <summary>Turns schema names and enum values into C# identifiers.</summary>
internal static class Identifiers
{
    /// <summary><c>idTag</c> → <c>IdTag</c>: upper-cases the first letter and keeps the rest.</summary>
    public static string Pascal(string name) =>
        name.Length == 0 ? name : string.Concat(char.ToUpperInvariant(name[0]).ToString(), name.AsSpan(1));

    /// <summary>
    /// An enum value as a member name: the alphanumeric runs, each with its first letter upper-cased, so
    /// <c>Energy.Active.Import.Register</c> → <c>EnergyActiveImportRegister</c>, <c>L1-N</c> → <c>L1N</c>,
    /// <c>AC_single_phase</c> → <c>ACSinglePhase</c>. A leading digit gets a <c>Value</c> prefix.
    /// </summary>
    public static string EnumMember(string wireName)
    {
        var name = new StringBuilder();
        foreach (var part in wireName.Split(c => !char.IsAsciiLetterOrDigit(c)))
        {
            name.Append(Pascal(part));
        }

        if (name.Length == 0)
        {
            throw new InvalidDataException($"Enum value '{wireName}' has no letters or digits.");
        }

        return char.IsAsciiDigit(name[0]) ? "Value" + name : name.ToString();
    }

    private static string[] Split(this string text, Func<char, bool> isSeparator)
    {
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || isSeparator(text[i]))
            {
                if (i > start)
                {
                    parts.Add(text[start..i]);
                }

                start = i + 1;
            }
        }

        return [.. parts];
    }
}
