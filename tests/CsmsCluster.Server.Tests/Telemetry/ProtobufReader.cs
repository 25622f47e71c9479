using System.Text;

namespace CsmsCluster.Server.Tests.Telemetry;

/// <summary>
/// Just enough of the protobuf wire format to read OTLP requests in tests: walks the fields of one message (varint,
/// 64-bit, length-delimited and 32-bit values; groups are not used by OTLP).
/// </summary>
public ref struct ProtobufReader(ReadOnlySpan<byte> message)
{
    private readonly ReadOnlySpan<byte> _message = message;
    private int _position;

    public int FieldNumber { get; private set; }

    public int WireType { get; private set; }

    /// <summary>The value of a varint, 64-bit or 32-bit field.</summary>
    public ulong Number { get; private set; }

    /// <summary>The bytes of a length-delimited field (a string, bytes or an embedded message).</summary>
    public ReadOnlySpan<byte> Bytes { get; private set; }

    public readonly string String => Encoding.UTF8.GetString(Bytes);

    /// <summary>Moves to the next field; false at the end of the message.</summary>
    public bool Next()
    {
        if (_position >= _message.Length)
        {
            return false;
        }

        var key = ReadVarint();
        FieldNumber = (int)(key >> 3);
        WireType = (int)(key & 7);
        Bytes = default;
        Number = 0;
        switch (WireType)
        {
            case 0:
                Number = ReadVarint();
                break;
            case 1:
                Number = BitConverter.ToUInt64(Take(8));
                break;
            case 2:
                Bytes = Take(checked((int)ReadVarint()));
                break;
            case 5:
                Number = BitConverter.ToUInt32(Take(4));
                break;
            default:
                throw new InvalidDataException($"Unsupported protobuf wire type {WireType} at byte {_position}.");
        }

        return true;
    }

    private ulong ReadVarint()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = _message[_position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        throw new InvalidDataException("Malformed varint.");
    }

    private ReadOnlySpan<byte> Take(int length)
    {
        var slice = _message.Slice(_position, length);
        _position += length;
        return slice;
    }
}
