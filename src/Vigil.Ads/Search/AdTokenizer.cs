namespace Vigil.Ads.Search;

/// <summary>
/// Full-text tokens: maximal runs of letters and digits, lower-cased (invariant). Tokens longer than <see cref="MaxToken"/> are
/// cut. The same rules must be used by any SQL implementation's tokenizer configuration for results to agree.
/// </summary>
public static class AdTokenizer
{
    public const int MaxToken = 64;

    /// <summary>Calls <paramref name="onToken"/> for each token of <paramref name="text"/>, in order, with a lower-cased span.</summary>
    public static void Tokenize<TState>(ReadOnlySpan<char> text, ref TState state, TokenAction<TState> onToken)
    {
        Span<char> buffer = stackalloc char[MaxToken];
        var length = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            if (char.IsLetterOrDigit(c))
            {
                if (length < MaxToken)
                {
                    buffer[length++] = char.ToLowerInvariant(c);
                }
            }
            else if (length > 0)
            {
                onToken(buffer[..length], ref state);
                length = 0;
            }
        }
    }

    /// <summary>Tokens as strings (for queries and tests; not for hot paths).</summary>
    public static List<string> Tokens(string text)
    {
        var list = new List<string>();
        Tokenize(text.AsSpan(), ref list, static (token, ref l) => l.Add(token.ToString()));
        return list;
    }

    public delegate void TokenAction<TState>(ReadOnlySpan<char> token, ref TState state);
}
