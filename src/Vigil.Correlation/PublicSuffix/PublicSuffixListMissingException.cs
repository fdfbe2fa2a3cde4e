namespace Vigil.Correlation.PublicSuffix;

/// <summary>The Public Suffix List file is not installed.</summary>
public sealed class PublicSuffixListMissingException : FileNotFoundException
{
    public PublicSuffixListMissingException()
    {
    }

    public PublicSuffixListMissingException(string message)
        : base(message)
    {
    }

    public PublicSuffixListMissingException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public PublicSuffixListMissingException(string message, string fileName)
        : base(message, fileName)
    {
    }
}
