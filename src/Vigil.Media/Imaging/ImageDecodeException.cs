namespace Vigil.Media.Imaging;

/// <summary>An image could not be decoded; <see cref="ImageSource"/> names the file (or stream) and the message says why.</summary>
public sealed class ImageDecodeException : Exception
{
    public ImageDecodeException()
        : this("(unknown)", "could not be decoded")
    {
    }

    public ImageDecodeException(string message)
        : this("(unknown)", message)
    {
    }

    public ImageDecodeException(string message, Exception innerException)
        : base(message, innerException)
    {
        ImageSource = "(unknown)";
        Reason = message;
    }

    public ImageDecodeException(string source, string reason, Exception? innerException = null)
        : base($"{source}: {reason}", innerException)
    {
        ImageSource = source;
        Reason = reason;
    }

    /// <summary>The file path or stream name.</summary>
    public string ImageSource { get; }

    public string Reason { get; }
}
