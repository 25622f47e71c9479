using System.Buffers.Binary;
using System.Text;

namespace CsmsCluster.Bench.Tests;

/// <summary>
/// Writes one protobuf message field by field (varint, 64-bit, length-delimited, 32-bit and packed repeated values),
/// so tests can build the exact bytes a reader is given.
/// </summary>
public sealed class ProtoWriter
{
    private readonly List<byte> _bytes = [];

    /// <summary>A varint field (wire type 0).</summary>
    public ProtoWriter Varint(int field, ulong value)
    {
        Tag(field, 0);
        WriteVarint(_bytes, value);
        return this;
    }

    /// <summary>A fixed64, sfixed64 or double field (wire type 1).</summary>
    public ProtoWriter Fixed64(int field, ulong value) => LittleEndian(field, 1, value, 8);

    /// <summary>A double field: its IEEE 754 bits as a fixed64.</summary>
    public ProtoWriter Double(int field, double value) => Fixed64(field, BitConverter.DoubleToUInt64Bits(value));

    /// <summary>A fixed32 field (wire type 5).</summary>
    public ProtoWriter Fixed32(int field, uint value) => LittleEndian(field, 5, value, 4);

    /// <summary>A length-delimited field (wire type 2).</summary>
    public ProtoWriter Bytes(int field, ReadOnlySpan<byte> value)
    {
        Tag(field, 2);
        WriteVarint(_bytes, (ulong)value.Length);
        _bytes.AddRange(value);
        return this;
    }

    /// <summary>A string field, UTF-8 encoded.</summary>
    public ProtoWriter Text(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    /// <summary>An embedded message field.</summary>
    public ProtoWriter Message(int field, ProtoWriter message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Bytes(field, message.ToArray());
    }

    /// <summary>A packed repeated fixed64 field: one length-delimited field of 8-byte little-endian values.</summary>
    public ProtoWriter PackedFixed64(int field, params ulong[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var raw = new byte[values.Length * 8];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(raw.AsSpan(i * 8), values[i]);
        }

        return Bytes(field, raw);
    }

    /// <summary>A packed repeated double field.</summary>
    public ProtoWriter PackedDouble(int field, params double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return PackedFixed64(field, [.. values.Select(BitConverter.DoubleToUInt64Bits)]);
    }

    /// <summary>Bytes as they are, for encodings the other methods do not write.</summary>
    public ProtoWriter Raw(params byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        _bytes.AddRange(bytes);
        return this;
    }

    public byte[] ToArray() => [.. _bytes];

    /// <summary>The shortest varint encoding of <paramref name="value"/>: seven bits a byte, low bits first.</summary>
    public static byte[] VarintBytes(ulong value)
    {
        var bytes = new List<byte>();
        WriteVarint(bytes, value);
        return [.. bytes];
    }

    private ProtoWriter LittleEndian(int field, int wireType, ulong value, int size)
    {
        Tag(field, wireType);
        for (var i = 0; i < size; i++)
        {
            _bytes.Add((byte)(value >> (8 * i)));
        }

        return this;
    }

    private void Tag(int field, int wireType) => WriteVarint(_bytes, ((ulong)field << 3) | (uint)wireType);

    private static void WriteVarint(List<byte> bytes, ulong value)
    {
        while (value >= 0x80)
        {
            bytes.Add((byte)(value | 0x80));
            value >>= 7;
        }

        bytes.Add((byte)value);
    }
}
