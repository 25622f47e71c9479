using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CsmsCluster.Api;

/// <summary>The bootstrap admin token: configured, or generated once and kept in the data directory.</summary>
public sealed class AdminToken
{
    private readonly byte[] _digest;

    /// <summary>Resolves the token, generating and storing one on first start when none is configured.</summary>
    public AdminToken(IOptions<ApiOptions> options, ILogger<AdminToken> logger)
    {
        var configured = options.Value.AdminToken;
        string token;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            token = configured;
        }
        else
        {
            var path = Path.Combine(options.Value.DataDirectory, "admin-token");
            if (File.Exists(path))
            {
                token = File.ReadAllText(path).Trim();
            }
            else
            {
                Directory.CreateDirectory(options.Value.DataDirectory);
                token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
                File.WriteAllText(path, token + "\n");
                TryRestrictToOwner(path);
                // Printed exactly once, when it is created: the operator needs it to call the API.
                ApiLog.AdminTokenGenerated(logger, token, Path.GetFullPath(path));
            }
        }

        _digest = SHA256.HashData(Encoding.UTF8.GetBytes(token));
    }

    /// <summary>Whether <paramref name="presented"/> is the admin token (constant-time comparison).</summary>
    public bool Matches(ReadOnlySpan<char> presented)
    {
        Span<byte> digest = stackalloc byte[32];
        var bytes = Encoding.UTF8.GetBytes(presented.ToArray());
        SHA256.HashData(bytes, digest);
        return CryptographicOperations.FixedTimeEquals(digest, _digest);
    }

    private static void TryRestrictToOwner(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
