namespace CsmsCluster.Api;

/// <summary>Validation of a charge point registration body.</summary>
internal static class RegistrationRules
{
    /// <summary>Maximum id length (OCPP 1.6 security whitepaper: identity up to 48 characters).</summary>
    public const int MaxIdLength = 48;

    /// <summary>Returns what is wrong with the registration, or null.</summary>
    public static string? Check(string id, ChargePointRegistrationBody body)
    {
        if (id.Length is 0 or > MaxIdLength || id.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            return $"The charge point id must be 1-{MaxIdLength} printable characters without spaces.";
        }

        // Security profiles 1 and 2: the Basic-auth password is 16 to 40 characters (1.6 security whitepaper).
        if (body.Password is { Length: > 0 } p && (p.Length < 16 || p.Length > 40))
        {
            return "password must be 16 to 40 characters (or \"\" to remove it).";
        }

        if (body.Phases is { } phases && phases is not (1 or 3))
        {
            return "phases must be 1 or 3.";
        }

        if (body.SecurityProfile is { } profile && profile is < 0 or > 3)
        {
            return "securityProfile must be 0, 1, 2 or 3.";
        }

        if (body.MaxCurrent is { } max && (max <= 0 || max > 10_000))
        {
            return "maxCurrent must be greater than 0 A (and at most 10000 A).";
        }

        if (body.SiteId is { Length: > 64 })
        {
            return "siteId must be at most 64 characters.";
        }

        return null;
    }
}
