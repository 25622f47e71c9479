using System.Text;

namespace CsmsCluster.Grains;

/// <summary>Process-independent 64-bit hashing used for grain placement.</summary>
public static class StableHashing
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    /// <summary>FNV-1a over the UTF-8 bytes of <paramref name="type"/>, '/', <paramref name="key"/>, then SplitMix64.</summary>
    public static ulong Hash(string type, string key)
    {
        var h = FnvOffset;
        h = Add(h, type);
        h = (h ^ '/') * FnvPrime;
        h = Add(h, key);
        return Mix(h);
    }

    /// <summary>FNV-1a over the UTF-8 bytes of <paramref name="value"/>, then SplitMix64.</summary>
    public static ulong Hash(string value) => Mix(Add(FnvOffset, value));

    /// <summary>The SplitMix64 finaliser: spreads every input bit over the whole output.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong Add(ulong h, string s)
    {
        Span<byte> buffer = stackalloc byte[256];
        var max = Encoding.UTF8.GetMaxByteCount(s.Length);
        var bytes = max <= buffer.Length ? buffer : new byte[max];
        var n = Encoding.UTF8.GetBytes(s, bytes);
        foreach (var b in bytes[..n])
        {
            h = (h ^ b) * FnvPrime;
        }

        return h;
    }
}
