namespace Vigil.Correlation.Observables;

/// <summary>A value that cannot be normalized as the kind it claims to be; the message says what is wrong and where.</summary>
public sealed class ObservableFormatException : FormatException
{
    public ObservableFormatException()
    {
    }

    public ObservableFormatException(string message)
        : base(message)
    {
    }

    public ObservableFormatException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public ObservableFormatException(ObservableKind kind, string input, string reason)
        : base($"Invalid {ObservableKinds.Name(kind)} '{Shorten(input)}': {reason}")
    {
        Kind = kind;
        Input = input;
        Reason = reason;
    }

    public ObservableKind? Kind { get; }
    public string? Input { get; }
    public string? Reason { get; }

    private static string Shorten(string input) => input.Length <= 200 ? input : string.Concat(input.AsSpan(0, 200), "…");
}
