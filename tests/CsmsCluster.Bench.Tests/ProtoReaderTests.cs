using CsmsCluster.Bench.Common;

namespace CsmsCluster.Bench.Tests;

/// <summary>The protobuf wire format as the reader walks it: keys, varints, the four wire types OTLP uses, and the rest refused.</summary>
public sealed class ProtoReaderTests
{
    [Fact]
    public void Next_TwoByteVarint_ReadsFieldAndValue()
    {
        // The protobuf encoding guide's example: field 1 = 150 is 08 96 01 (0x96 & 0x7F = 22, plus 1 << 7 = 128).
        var reader = new ProtoReader([0x08, 0x96, 0x01]);

        Assert.True(reader.Next());
        Assert.Equal((1, 0, 150UL), (reader.Field, reader.WireType, reader.Scalar));
        Assert.False(reader.Next());
    }

    [Theory]
    [InlineData(127UL, 1)]
    [InlineData(128UL, 2)]
    [InlineData(16_383UL, 2)]
    [InlineData(16_384UL, 3)]
    [InlineData(1UL << 35, 6)]
    [InlineData(ulong.MaxValue, 10)]
    public void Next_VarintOfSeveralBytes_ReadsTheWholeValue(ulong value, int length)
    {
        var bytes = new ProtoWriter().Varint(3, value).ToArray();
        Assert.Equal(1 + length, bytes.Length);

        var reader = new ProtoReader(bytes);

        Assert.True(reader.Next());
        Assert.Equal((3, 0, value), (reader.Field, reader.WireType, reader.Scalar));
    }

    [Fact]
    public void Next_FieldNumberAboveFifteen_ReadsAMultiByteKey()
    {
        // Field 16 wire type 0 is key 128: two bytes (80 01).
        var bytes = new ProtoWriter().Varint(16, 7).Varint(536_870_911, 9).ToArray();
        Assert.Equal(new byte[] { 0x80, 0x01, 0x07 }, bytes[..3]);

        var reader = new ProtoReader(bytes);

        Assert.True(reader.Next());
        Assert.Equal((16, 7UL), (reader.Field, reader.Scalar));
        Assert.True(reader.Next());
        Assert.Equal((536_870_911, 9UL), (reader.Field, reader.Scalar));
    }

    [Fact]
    public void Next_Fixed64_ReadsEightLittleEndianBytes()
    {
        // Field 2 wire type 1 is key 0x11.
        var reader = new ProtoReader([0x11, 0x08, 0x07, 0x06, 0x05, 0x04, 0x03, 0x02, 0x01]);

        Assert.True(reader.Next());
        Assert.Equal((2, 1, 0x0102030405060708UL), (reader.Field, reader.WireType, reader.Scalar));
        Assert.False(reader.Next());
    }

    [Fact]
    public void Double_OfAFixed64Field_IsItsIeee754Value()
    {
        var reader = new ProtoReader(new ProtoWriter().Double(5, -2.75).ToArray());

        Assert.True(reader.Next());
        Assert.Equal((5, 1, -2.75), (reader.Field, reader.WireType, reader.Double));
    }

    [Fact]
    public void Next_Fixed32_ReadsFourLittleEndianBytes()
    {
        // Field 3 wire type 5 is key 0x1D.
        var reader = new ProtoReader([0x1D, 0x04, 0x03, 0x02, 0x01, 0x08, 0x01]);

        Assert.True(reader.Next());
        Assert.Equal((3, 5, 0x01020304UL), (reader.Field, reader.WireType, reader.Scalar));
        Assert.True(reader.Next());
        Assert.Equal((1, 0, 1UL), (reader.Field, reader.WireType, reader.Scalar));
    }

    [Fact]
    public void Next_LengthDelimited_ReadsItsBytesAndMovesPastThem()
    {
        // Field 4 wire type 2 is key 0x22; then the length 3 and "abc"; then field 1 = 1.
        var reader = new ProtoReader([0x22, 0x03, (byte)'a', (byte)'b', (byte)'c', 0x08, 0x01]);

        Assert.True(reader.Next());
        Assert.Equal((4, 2), (reader.Field, reader.WireType));
        Assert.Equal("abc"u8.ToArray(), reader.Bytes.ToArray());
        Assert.True(reader.Next());
        Assert.Equal((1, 1UL), (reader.Field, reader.Scalar));
        Assert.False(reader.Next());
    }

    [Fact]
    public void Next_LengthAsPaddedFourByteVarint_ReadsTheField()
    {
        // The .NET OTLP exporter reserves four bytes for a length and writes it padded: 3 as 83 80 80 00.
        var reader = new ProtoReader([0x0A, 0x83, 0x80, 0x80, 0x00, 0x01, 0x02, 0x03, 0x10, 0x05]);

        Assert.True(reader.Next());
        Assert.Equal(new byte[] { 1, 2, 3 }, reader.Bytes.ToArray());
        Assert.True(reader.Next());
        Assert.Equal((2, 5UL), (reader.Field, reader.Scalar));
    }

    [Fact]
    public void String_OfALengthDelimitedField_IsItsUtf8Text()
    {
        var reader = new ProtoReader(new ProtoWriter().Text(1, "Größe €").ToArray());

        Assert.True(reader.Next());
        Assert.Equal("Größe €", reader.String);
    }

    [Fact]
    public void Packed64_OfAPackedField_ReadsEachEightByteValue()
    {
        ulong[] values = [0, 1, 300, ulong.MaxValue];
        var reader = new ProtoReader(new ProtoWriter().PackedFixed64(6, values).ToArray());

        Assert.True(reader.Next());
        Assert.Equal((6, 2), (reader.Field, reader.WireType));
        Assert.Equal(values, reader.Packed64());
    }

    [Fact]
    public void Next_EmptyMessage_ReturnsFalse()
    {
        var reader = new ProtoReader([]);

        Assert.False(reader.Next());
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(6)]
    [InlineData(7)]
    public void Next_UnsupportedWireType_ThrowsInvalidData(int wireType)
    {
        byte[] bytes = [.. ProtoWriter.VarintBytes((1UL << 3) | (uint)wireType), 0x00];

        var error = Assert.Throws<InvalidDataException>(() =>
        {
            var reader = new ProtoReader(bytes);
            reader.Next();
        });
        Assert.Contains(wireType.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }
}
