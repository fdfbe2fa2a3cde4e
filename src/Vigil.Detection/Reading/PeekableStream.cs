namespace Vigil.Detection.Reading;

/// <summary>A read-only stream whose first bytes can be looked at before reading starts (for format detection).</summary>
internal sealed class PeekableStream(Stream inner) : Stream
{
    private readonly byte[] _head = new byte[16];
    private int _headLength;
    private int _headPosition;

    public static async Task<PeekableStream> OpenAsync(Stream inner, CancellationToken cancellationToken)
    {
        var stream = new PeekableStream(inner);
        while (stream._headLength < stream._head.Length)
        {
            var n = await inner.ReadAsync(stream._head.AsMemory(stream._headLength), cancellationToken);
            if (n == 0)
            {
                break;
            }

            stream._headLength += n;
        }

        return stream;
    }

    public ReadOnlySpan<byte> Head => _head.AsSpan(0, _headLength);

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_headPosition < _headLength)
        {
            var n = Math.Min(buffer.Length, _headLength - _headPosition);
            _head.AsSpan(_headPosition, n).CopyTo(buffer);
            _headPosition += n;
            return n;
        }

        return inner.Read(buffer);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_headPosition < _headLength)
        {
            return Read(buffer.Span);
        }

        return await inner.ReadAsync(buffer, cancellationToken);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
