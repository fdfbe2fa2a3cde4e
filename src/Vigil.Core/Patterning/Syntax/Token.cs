namespace Vigil.Core.Patterning.Syntax;

/// <summary>A lexed token: its kind, where it starts, its raw text and, for string-like literals, the decoded text.</summary>
internal readonly record struct Token(TokenKind Kind, int Start, string Raw, string? Text)
{
    public bool IsKeyword(string keyword) => Kind == TokenKind.Identifier && string.Equals(Raw, keyword, StringComparison.Ordinal);

    public string Describe()
    {
        var raw = Raw.Length > 40 ? Raw[..40] + "..." : Raw;
        return Kind switch
        {
            TokenKind.End => "end of pattern",
            TokenKind.String or TokenKind.Hex or TokenKind.Base64 or TokenKind.Timestamp => raw,
            _ => "'" + raw + "'",
        };
    }
}
