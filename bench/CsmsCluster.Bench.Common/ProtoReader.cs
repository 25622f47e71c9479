using System.Buffers.Binary;

namespace CsmsCluster.Bench.Common;

/// <summary>Just enough of the protobuf wire format to walk an OTLP export request: fields as (number, wire type, value).</summary>
public ref struct ProtoReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private int _position;

    public int Field { get; private set; }

    public int WireType { get; private set; }

    public ulong Scalar { get; private set; }

    public ReadOnlySpan<byte> Bytes { get; private set; }

    public bool Next()
    {
        if (_position >= _data.Length)
        {
            return false;
        }
        var key = Varint();
        Field = (int)(key >> 3);
        WireType = (int)(key & 7);
        switch (WireType)
        {
            case 0:
                Scalar = Varint();
                break;
            case 1:
                Scalar = BinaryPrimitives.ReadUInt64LittleEndian(_data[_position..]);
                _position += 8;
                break;
            case 2:
                var length = (int)Varint();
                Bytes = _data.Slice(_position, length);
                _position += length;
                break;
            case 5:
                Scalar = BinaryPrimitives.ReadUInt32LittleEndian(_data[_position..]);
                _position += 4;
                break;
            default:
                throw new InvalidDataException($"Unsupported protobuf wire type {WireType}.");
        }
        return true;
    }

    public readonly double Double => BitConverter.UInt64BitsToDouble(Scalar);

    /// <summary>The bytes of a length-delimited field as UTF-8 text.</summary>
    public readonly string String => System.Text.Encoding.UTF8.GetString(Bytes);

    /// <summary>A packed repeated fixed64/double field.</summary>
    public readonly ulong[] Packed64()
    {
        var values = new ulong[Bytes.Length / 8];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadUInt64LittleEndian(Bytes[(i * 8)..]);
        }
        return values;
    }

    private ulong Varint()
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = _data[_position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }
}
