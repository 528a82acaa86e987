using GitOpsConsole.Sandbox.Kubernetes.Store;

namespace GitOpsConsole.Sandbox.Kubernetes.Protobuf;

/// <summary>Protobuf wire-format reading: tags, varints and length-delimited slices.</summary>
internal ref struct ProtoReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private int _position;

    public readonly bool End => _position >= _data.Length;

    public (int Field, int WireType) ReadTag()
    {
        var tag = ReadVarint();
        return ((int)(tag >> 3), (int)(tag & 7));
    }

    public ulong ReadVarint()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = Next();
            value |= (ulong)(b & 0x7f) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }
        throw Malformed("varint too long");
    }

    public ReadOnlySpan<byte> ReadBytes()
    {
        var length = (int)ReadVarint();
        if (length < 0 || _position + length > _data.Length)
        {
            throw Malformed("length-delimited field runs past the end");
        }
        var slice = _data.Slice(_position, length);
        _position += length;
        return slice;
    }

    /// <summary>Skips a field; returns true when it carried a non-zero value.</summary>
    public bool Skip(int wireType)
    {
        switch (wireType)
        {
            case 0:
                return ReadVarint() != 0;
            case 1:
                return Advance(8);
            case 2:
                return !ReadBytes().IsEmpty;
            case 5:
                return Advance(4);
            default:
                throw Malformed($"unsupported wire type {wireType}");
        }
    }

    private bool Advance(int count)
    {
        if (_position + count > _data.Length)
        {
            throw Malformed("fixed-width field runs past the end");
        }
        var nonZero = _data.Slice(_position, count).ContainsAnyExcept((byte)0);
        _position += count;
        return nonZero;
    }

    private byte Next() => _position < _data.Length ? _data[_position++] : throw Malformed("unexpected end of message");

    public static ApiException Malformed(string why) => ApiException.BadRequest($"malformed protobuf body: {why}");
}
