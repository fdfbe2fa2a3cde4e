namespace Vigil.Media.Video;

/// <summary>A video could not be hashed; <see cref="VideoSource"/> names it and the message says why.</summary>
public sealed class VideoDecodeException : Exception
{
    public VideoDecodeException()
        : this("(unknown)", "could not be decoded")
    {
    }

    public VideoDecodeException(string message)
        : this("(unknown)", message)
    {
    }

    public VideoDecodeException(string message, Exception innerException)
        : this("(unknown)", message, innerException)
    {
    }

    public VideoDecodeException(string source, string reason, Exception? innerException = null)
        : base($"{source}: {reason}", innerException)
    {
        VideoSource = source;
        Reason = reason;
    }

    public string VideoSource { get; }

    public string Reason { get; }
}
