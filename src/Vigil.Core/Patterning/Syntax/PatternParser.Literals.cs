using System.Globalization;
using Vigil.Core.Stix;

namespace Vigil.Core.Patterning.Syntax;

/// <summary>Constants: strings, numbers, booleans, h'..', b'..', t'..' and lists.</summary>
internal sealed partial class PatternParser
{
    private StringLiteral ExpectString(string keyword)
    {
        var token = Current;
        if (token.Kind != TokenKind.String)
        {
            throw Fail(token.Start, $"{keyword} needs a string literal, found {token.Describe()}");
        }

        position++;
        return new StringLiteral(token.Text!);
    }

    private ListLiteral ParseList()
    {
        var open = Current;
        if (open.Kind != TokenKind.LeftParen)
        {
            throw Fail(open.Start, $"IN needs a list such as ('a', 'b'), found {open.Describe()}");
        }

        position++;
        var items = new List<PatternLiteral>();
        if (Current.Kind == TokenKind.RightParen)
        {
            position++;
            return new ListLiteral(items);
        }

        while (true)
        {
            items.Add(ParseLiteral());
            if (Current.Kind == TokenKind.Comma)
            {
                position++;
                continue;
            }

            Expect(TokenKind.RightParen, "',' or ')'");
            return new ListLiteral(items);
        }
    }

    private PatternLiteral ParseLiteral()
    {
        var token = Current;
        PatternLiteral literal;
        switch (token.Kind)
        {
            case TokenKind.String:
                literal = new StringLiteral(token.Text!);
                break;
            case TokenKind.Integer:
                if (!long.TryParse(token.Raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
                {
                    throw Fail(token.Start, $"integer {token.Describe()} is out of range");
                }

                literal = new IntegerLiteral(integer);
                break;
            case TokenKind.Float:
                literal = new FloatLiteral(double.Parse(token.Raw, NumberStyles.Float, CultureInfo.InvariantCulture));
                break;
            case TokenKind.Hex:
                literal = new BinaryLiteral(ReadHex(token), IsHex: true);
                break;
            case TokenKind.Base64:
                literal = new BinaryLiteral(ReadBase64(token), IsHex: false);
                break;
            case TokenKind.Timestamp:
                literal = new TimestampLiteral(ReadTimestamp(token));
                break;
            case TokenKind.Identifier when token.Raw is "true" or "false":
                literal = new BooleanLiteral(token.Raw == "true");
                break;
            case TokenKind.End:
                throw Fail(token.Start, "expected a value, found end of pattern");
            default:
                throw Fail(token.Start, $"expected a value ('string', number, true, false, h'..', b'..' or t'..'), found {token.Describe()}");
        }

        position++;
        return literal;
    }

    private byte[] ReadHex(Token token)
    {
        var body = token.Text!;
        if (body.Length % 2 != 0 || !IsHex(body))
        {
            throw Fail(token.Start, $"bad hex literal {token.Describe()}: needs pairs of hex digits");
        }

        return Convert.FromHexString(body);
    }

    private byte[] ReadBase64(Token token)
    {
        var body = token.Text!;
        var buffer = new byte[(body.Length * 3 / 4) + 3];
        if (body.Length % 4 != 0 || !Convert.TryFromBase64String(body, buffer, out var written) || body.AsSpan().ContainsAny(" \t\r\n"))
        {
            throw Fail(token.Start, $"bad binary literal {token.Describe()}: needs padded base64");
        }

        return buffer[..written];
    }

    private StixTimestamp ReadTimestamp(Token token)
    {
        var body = token.Text!;
        if (!StixTimestamp.TryParse(body, out var value) || !IsStrictTimestamp(body))
        {
            throw Fail(token.Start, $"bad timestamp literal {token.Describe()}: expected YYYY-MM-DDTHH:MM:SS[.fraction]Z in UTC");
        }

        return value;
    }

    private static bool IsStrictTimestamp(string body)
    {
        // StixTimestamp checks the calendar; this checks the fixed shape so that e.g. "2016-1-01" is refused.
        const string shape = "dddd-dd-ddTdd:dd:dd";
        for (var i = 0; i < shape.Length; i++)
        {
            if (shape[i] == 'd' ? body[i] is < '0' or > '9' : body[i] != shape[i])
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsHex(string s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
