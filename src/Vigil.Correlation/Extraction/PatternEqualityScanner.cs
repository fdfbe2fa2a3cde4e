using System.Text;

namespace Vigil.Correlation.Extraction;

/// <summary>
/// A small scanner that finds equality terms (<c>=</c> and <c>IN (…)</c>) over string literals in a STIX pattern, without
/// evaluating it. Negated terms (<c>NOT</c>, <c>!=</c>) are skipped. Quoted path keys (<c>file:hashes.'SHA-256'</c>) and string
/// escapes (<c>\'</c>, <c>\\</c>) are read. It is tolerant: text it does not understand is passed over, because indexing a
/// value we can read is better than none; full parsing and validation belong to the pattern parser.
/// </summary>
public static class PatternEqualityScanner
{
    public static IReadOnlyList<PatternEqualityTerm> Scan(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var tokens = Tokenize(pattern);
        var terms = new List<PatternEqualityTerm>();
        var observation = -1;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind == TokenKind.Punct && token.Text == "[")
            {
                observation++;
                continue;
            }

            if (token.Kind != TokenKind.Word || !token.Text.Contains(':', StringComparison.Ordinal) || i + 2 >= tokens.Count)
            {
                continue;
            }

            var negated = i > 0 && tokens[i - 1].Kind == TokenKind.Word && tokens[i - 1].Text.Equals("NOT", StringComparison.OrdinalIgnoreCase);
            var op = tokens[i + 1];
            var colon = token.Text.IndexOf(':', StringComparison.Ordinal);
            var type = token.Text[..colon];
            var path = token.Text[(colon + 1)..];
            if (op.Kind == TokenKind.Word && op.Text.Equals("NOT", StringComparison.OrdinalIgnoreCase))
            {
                negated = true;
                op = tokens[i + 2];
                i++;
            }

            if (negated || i + 2 >= tokens.Count)
            {
                continue;
            }

            if (op.Kind == TokenKind.Operator && op.Text == "=" && tokens[i + 2].Kind == TokenKind.String)
            {
                terms.Add(new PatternEqualityTerm(type, path, tokens[i + 2].Text, Math.Max(observation, 0), token.Position));
            }
            else if (op.Kind == TokenKind.Word && op.Text.Equals("IN", StringComparison.OrdinalIgnoreCase) && tokens[i + 2].Text == "(")
            {
                for (var j = i + 3; j < tokens.Count && tokens[j].Text != ")"; j++)
                {
                    if (tokens[j].Kind == TokenKind.String)
                    {
                        terms.Add(new PatternEqualityTerm(type, path, tokens[j].Text, Math.Max(observation, 0), token.Position));
                    }
                }
            }
        }

        return terms;
    }

    /// <summary>The object types a pattern's paths name (<c>url</c> in <c>url:value</c>), in order of first appearance.</summary>
    public static IReadOnlyList<string> ObjectTypes(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var types = new List<string>();
        foreach (var token in Tokenize(pattern))
        {
            var colon = token.Kind == TokenKind.Word ? token.Text.IndexOf(':', StringComparison.Ordinal) : -1;
            if (colon > 0 && !types.Contains(token.Text[..colon]))
            {
                types.Add(token.Text[..colon]);
            }
        }

        return types;
    }

    private enum TokenKind
    {
        Word,
        String,
        OtherLiteral,
        Operator,
        Punct,
    }

    private readonly record struct Token(TokenKind Kind, string Text, int Position);

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '[' or ']' or '(' or ')' or ',')
            {
                tokens.Add(new Token(TokenKind.Punct, c.ToString(), i));
                i++;
            }
            else if (c == '\'')
            {
                var start = i;
                var value = ReadQuoted(text, ref i);
                tokens.Add(new Token(TokenKind.String, value, start));
            }
            else if (c is 'h' or 'b' or 't' && i + 1 < text.Length && text[i + 1] == '\'')
            {
                var start = i;
                i++;
                _ = ReadQuoted(text, ref i);
                tokens.Add(new Token(TokenKind.OtherLiteral, string.Empty, start));
            }
            else if (c is '=' or '!' or '<' or '>')
            {
                var length = i + 1 < text.Length && text[i + 1] == '=' ? 2 : 1;
                tokens.Add(new Token(TokenKind.Operator, text.Substring(i, length), i));
                i += length;
            }
            else
            {
                var start = i;
                var word = new StringBuilder();
                while (i < text.Length)
                {
                    var w = text[i];
                    if (w == '\'' && word.Length > 0 && word[^1] == '.')
                    {
                        word.Append(ReadQuoted(text, ref i));
                    }
                    else if (char.IsAsciiLetterOrDigit(w) || w is '_' or '-' or ':' or '.' or '*')
                    {
                        word.Append(w);
                        i++;
                    }
                    else if (w == '[' && word.Length > 0 && word[^1] != ' ' && word.ToString().Contains(':', StringComparison.Ordinal))
                    {
                        // list index inside a path: name[0] or name[*]
                        var close = text.IndexOf(']', i);
                        if (close < 0)
                        {
                            break;
                        }

                        word.Append(text, i, close - i + 1);
                        i = close + 1;
                    }
                    else
                    {
                        break;
                    }
                }

                if (word.Length == 0)
                {
                    i++;
                    continue;
                }

                tokens.Add(new Token(TokenKind.Word, word.ToString(), start));
            }
        }

        return tokens;
    }

    private static string ReadQuoted(string text, ref int i)
    {
        var builder = new StringBuilder();
        i++;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                builder.Append(text[i + 1]);
                i += 2;
                continue;
            }

            i++;
            if (c == '\'')
            {
                break;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
