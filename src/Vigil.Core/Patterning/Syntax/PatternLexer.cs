namespace Vigil.Core.Patterning.Syntax;

/// <summary>Splits a pattern into tokens. Whitespace and comments (<c>/* */</c>, <c>//</c>) are skipped.</summary>
internal static class PatternLexer
{
    public static bool TryLex(string text, List<Token> tokens, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out PatternError? error)
    {
        error = null;
        var i = 0;
        while (true)
        {
            i = SkipTrivia(text, i, out var triviaError);
            if (triviaError is not null)
            {
                error = triviaError;
                return false;
            }

            if (i >= text.Length)
            {
                tokens.Add(new Token(TokenKind.End, text.Length, string.Empty, null));
                return true;
            }

            var c = text[i];
            var start = i;
            switch (c)
            {
                case '[': tokens.Add(Simple(TokenKind.LeftBracket, text, ref i, 1)); continue;
                case ']': tokens.Add(Simple(TokenKind.RightBracket, text, ref i, 1)); continue;
                case '(': tokens.Add(Simple(TokenKind.LeftParen, text, ref i, 1)); continue;
                case ')': tokens.Add(Simple(TokenKind.RightParen, text, ref i, 1)); continue;
                case ':': tokens.Add(Simple(TokenKind.Colon, text, ref i, 1)); continue;
                case ',': tokens.Add(Simple(TokenKind.Comma, text, ref i, 1)); continue;
                case '*': tokens.Add(Simple(TokenKind.Asterisk, text, ref i, 1)); continue;
                case '=':
                    tokens.Add(Simple(TokenKind.Equal, text, ref i, Next(text, i) == '=' ? 2 : 1));
                    continue;
                case '!':
                    if (Next(text, i) != '=')
                    {
                        error = PatternError.At(text, i, "unexpected character '!' (did you mean '!=' or NOT?)");
                        return false;
                    }

                    tokens.Add(Simple(TokenKind.NotEqual, text, ref i, 2));
                    continue;
                case '<':
                    var afterLess = Next(text, i);
                    tokens.Add(afterLess == '=' ? Simple(TokenKind.LessOrEqual, text, ref i, 2)
                        : afterLess == '>' ? Simple(TokenKind.NotEqual, text, ref i, 2)
                        : Simple(TokenKind.Less, text, ref i, 1));
                    continue;
                case '>':
                    tokens.Add(Next(text, i) == '=' ? Simple(TokenKind.GreaterOrEqual, text, ref i, 2) : Simple(TokenKind.Greater, text, ref i, 1));
                    continue;
                case '\'':
                    if (!TryString(text, ref i, out var value, out error))
                    {
                        return false;
                    }

                    tokens.Add(new Token(TokenKind.String, start, text[start..i], value));
                    continue;
                case '.':
                    if (IsDigit(Next(text, i)))
                    {
                        break;
                    }

                    tokens.Add(Simple(TokenKind.Dot, text, ref i, 1));
                    continue;
            }

            if ((c is 'h' or 'b' or 't') && Next(text, i) == '\'')
            {
                i++;
                if (!TryString(text, ref i, out var body, out error))
                {
                    return false;
                }

                var kind = c switch { 'h' => TokenKind.Hex, 'b' => TokenKind.Base64, _ => TokenKind.Timestamp };
                tokens.Add(new Token(kind, start, text[start..i], body));
                continue;
            }

            if (IsIdentifierStart(c))
            {
                i++;
                while (i < text.Length && (IsIdentifierPart(text[i]) || text[i] == '-'))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Identifier, start, text[start..i], null));
                continue;
            }

            if (IsDigit(c) || c == '.' || ((c is '+' or '-') && (IsDigit(Next(text, i)) || Next(text, i) == '.')))
            {
                if (!TryNumber(text, ref i, out var numberKind, out error))
                {
                    return false;
                }

                tokens.Add(new Token(numberKind, start, text[start..i], null));
                continue;
            }

            error = PatternError.At(text, i, $"unexpected character '{Printable(c)}'");
            return false;
        }
    }

    private static Token Simple(TokenKind kind, string text, ref int i, int length)
    {
        var token = new Token(kind, i, text.Substring(i, length), null);
        i += length;
        return token;
    }

    private static char Next(string text, int i) => i + 1 < text.Length ? text[i + 1] : '\0';

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static bool IsIdentifierStart(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_';

    private static bool IsIdentifierPart(char c) => IsIdentifierStart(c) || IsDigit(c);

    private static string Printable(char c) => char.IsControl(c) || char.IsWhiteSpace(c) ? $"\\u{(int)c:x4}" : c.ToString();

    private static int SkipTrivia(string text, int i, out PatternError? error)
    {
        error = null;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '/' && Next(text, i) == '*')
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    error = PatternError.At(text, i, "unterminated comment starting");
                    return i;
                }

                i = end + 2;
            }
            else if (c == '/' && Next(text, i) == '/')
            {
                while (i < text.Length && text[i] is not ('\r' or '\n'))
                {
                    i++;
                }
            }
            else
            {
                break;
            }
        }

        return i;
    }

    /// <summary>Reads a quoted string starting at the quote; only <c>\'</c> and <c>\\</c> are escapes.</summary>
    private static bool TryString(string text, ref int i, out string value, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out PatternError? error)
    {
        var quote = i;
        i++;
        System.Text.StringBuilder? builder = null;
        var runStart = i;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\'')
            {
                value = builder is null ? text[runStart..i] : builder.Append(text, runStart, i - runStart).ToString();
                i++;
                error = null;
                return true;
            }

            if (c == '\\')
            {
                var escaped = Next(text, i);
                if (escaped is not ('\'' or '\\'))
                {
                    value = string.Empty;
                    error = i + 1 >= text.Length
                        ? PatternError.At(text, quote, "unterminated string starting")
                        : PatternError.At(text, i, $"invalid escape '\\{Printable(escaped)}' in string (only \\' and \\\\ are allowed)");
                    return false;
                }

                builder ??= new System.Text.StringBuilder();
                builder.Append(text, runStart, i - runStart).Append(escaped);
                i += 2;
                runStart = i;
                continue;
            }

            i++;
        }

        value = string.Empty;
        error = PatternError.At(text, quote, "unterminated string starting");
        return false;
    }

    private static bool TryNumber(string text, ref int i, out TokenKind kind, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out PatternError? error)
    {
        var start = i;
        if (text[i] is '+' or '-')
        {
            i++;
        }

        var digitsStart = i;
        while (i < text.Length && IsDigit(text[i]))
        {
            i++;
        }

        var integerDigits = i - digitsStart;
        kind = TokenKind.Integer;
        if (i < text.Length && text[i] == '.')
        {
            i++;
            var fractionStart = i;
            while (i < text.Length && IsDigit(text[i]))
            {
                i++;
            }

            if (i == fractionStart)
            {
                error = PatternError.At(text, start, $"bad number '{text[start..i]}': a digit must follow the decimal point");
                return false;
            }

            kind = TokenKind.Float;
        }
        else if (integerDigits > 1 && text[digitsStart] == '0')
        {
            error = PatternError.At(text, start, $"bad number '{text[start..i]}': leading zeros are not allowed");
            return false;
        }

        if (i < text.Length && (IsIdentifierPart(text[i]) || text[i] == '.'))
        {
            var end = i;
            while (end < text.Length && (IsIdentifierPart(text[end]) || text[end] == '.'))
            {
                end++;
            }

            error = PatternError.At(text, start, $"bad number '{text[start..end]}'");
            return false;
        }

        error = null;
        return true;
    }
}
