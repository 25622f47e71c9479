using CsmsCluster.Contracts;

namespace CsmsCluster.Domain.Authorization;

/// <summary>
/// Which credentials a charge point must present for its security profile (OCPP 1.6 security whitepaper §2):
/// 0 none; 1 HTTP Basic auth; 2 TLS + Basic auth; 3 TLS with a client certificate naming the charge point. Without a
/// profile set, Basic auth is required exactly when a password is set.
/// </summary>
public static class SecurityProfiles
{
    /// <summary>Whether <paramref name="credentials"/> satisfy the profile.</summary>
    public static bool Admits(int? profile, string? passwordHash, ChargerCredentials credentials, Func<string, string, bool> verifyPassword)
    {
        bool PasswordOk() => passwordHash is null
            ? profile is null or 0
            : credentials.Password is { } password && verifyPassword(password, passwordHash);

        return profile switch
        {
            null or 0 => passwordHash is null || PasswordOk(),
            1 => PasswordOk(),
            2 => credentials.Tls && PasswordOk(),
            3 => credentials.Tls && credentials.CertificateVerified,
            _ => false,
        };
    }
}
