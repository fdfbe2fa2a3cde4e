namespace Vigil.Server.Media;

/// <summary>An upload went past the configured byte limit.</summary>
public sealed class UploadTooLargeException : Exception
{
    public UploadTooLargeException()
        : this(0)
    {
    }

    public UploadTooLargeException(string message)
        : base(message)
    {
    }

    public UploadTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public UploadTooLargeException(long maxBytes)
        : base($"the upload is larger than the limit of {maxBytes} bytes")
    {
        MaxBytes = maxBytes;
    }

    public long MaxBytes { get; }
}
