namespace Vigil.Core.Patterning;

/// <summary>Thrown by <see cref="StixPatternParser.Parse"/> for an invalid pattern.</summary>
public sealed class StixPatternException : FormatException
{
    public StixPatternException(PatternError error)
        : base(error?.Message)
    {
        ArgumentNullException.ThrowIfNull(error);
        Error = error;
    }

    public StixPatternException()
        : this(new PatternError("invalid pattern", 0, 1, 1))
    {
    }

    public StixPatternException(string message)
        : this(new PatternError(message, 0, 1, 1))
    {
    }

    public StixPatternException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = new PatternError(message, 0, 1, 1);
    }

    public PatternError Error { get; }
}
