using System.Buffers.Binary;
using System.Text;

namespace CsmsCluster.Grains.Transport;

/// <summary>
/// The UDP peer probe: <c>csms-probe/1</c>, an 8-byte nonce, then the probed node's silo id in UTF-8. The node whose
/// id it names sends the same bytes back; anything else gets no answer. So an answer is never larger than its
/// request (no amplification), and a restarted process on the same address and port (another silo id) stays silent.
/// </summary>
internal static class ProbeDatagram
{
    /// <summary>The largest datagram either side reads or writes.</summary>
    public const int MaxBytes = 512;

    private const int NonceBytes = sizeof(ulong);

    private static ReadOnlySpan<byte> Magic => "csms-probe/1"u8;

    /// <summary>The request (and its answer) for <paramref name="siloId"/>.</summary>
    /// <exception cref="ArgumentException">The silo id does not fit in a datagram of <see cref="MaxBytes"/>.</exception>
    public static byte[] Create(ulong nonce, string siloId)
    {
        var id = Encoding.UTF8.GetBytes(siloId);
        if (Magic.Length + NonceBytes + id.Length > MaxBytes)
        {
            throw new ArgumentException($"Silo id '{siloId}' is too long for a probe datagram ({MaxBytes} bytes).", nameof(siloId));
        }

        var datagram = new byte[Magic.Length + NonceBytes + id.Length];
        Magic.CopyTo(datagram);
        BinaryPrimitives.WriteUInt64BigEndian(datagram.AsSpan(Magic.Length), nonce);
        id.CopyTo(datagram.AsSpan(Magic.Length + NonceBytes));
        return datagram;
    }

    /// <summary>Reads a probe datagram; false for anything else.</summary>
    public static bool TryRead(ReadOnlySpan<byte> datagram, out ulong nonce, out ReadOnlySpan<byte> siloId)
    {
        nonce = 0;
        siloId = default;
        if (datagram.Length <= Magic.Length + NonceBytes || !datagram.StartsWith(Magic))
        {
            return false;
        }

        nonce = BinaryPrimitives.ReadUInt64BigEndian(datagram[Magic.Length..]);
        siloId = datagram[(Magic.Length + NonceBytes)..];
        return true;
    }
}
