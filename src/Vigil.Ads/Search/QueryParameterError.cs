namespace Vigil.Ads.Search;

/// <summary>A malformed query parameter: which one and what is wrong (the endpoint answers 400 with it).</summary>
public sealed record QueryParameterError(string Parameter, string Message)
{
    public override string ToString() => $"{Parameter}: {Message}";
}
