namespace Vigil.Detection.Reading;

/// <summary>A read-only pass-through stream that reports how many bytes have been read, about once per MiB.</summary>
internal sealed class CountingStream(Stream inner, long total, IProgress<ReadProgress>? progress) : Stream
{
    private const long Step = 1 << 20;
    private long _read;
    private long _nextReport = Step;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => inner.Length;
    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public void Finish() => progress?.Report(new ReadProgress(_read, Math.Max(total, _read)));

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

    private int Count(int n)
    {
        _read += n;
        if (progress is not null && _read >= _nextReport)
        {
            _nextReport = _read + Step;
            progress.Report(new ReadProgress(_read, total));
        }

        return n;
    }
}
