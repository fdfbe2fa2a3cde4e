using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vigil.Core.Patterning.Evaluation;

/// <summary>
/// A JSON leaf read as a pattern value. Properties named <c>*_hex</c> and <c>*_bin</c> hold binary data and are
/// decoded; a malformed one yields <see cref="ScalarKind.None"/> (it matches nothing). Objects and lists are None.
/// </summary>
internal readonly struct Scalar
{
    private Scalar(ScalarKind kind, string? text = null, long integer = 0, double number = 0, byte[]? bytes = null)
    {
        Kind = kind;
        Text = text;
        Integer = integer;
        Number = number;
        Bytes = bytes;
    }

    public ScalarKind Kind { get; }

    public string? Text { get; }

    public long Integer { get; }

    /// <summary>The numeric value of an Integer or Float, as a double.</summary>
    public double Number { get; }

    public byte[]? Bytes { get; }

    public bool Boolean => Integer != 0;

    public static Scalar From(JsonNode node, string? property)
    {
        if (node is not JsonValue value)
        {
            return default;
        }

        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                var text = value.GetValue<string>();
                if (IsBinaryProperty(property))
                {
                    var bytes = property!.EndsWith("_hex", StringComparison.Ordinal) ? DecodeHex(text) : DecodeBase64(text);
                    return bytes is null ? default : new Scalar(ScalarKind.Binary, bytes: bytes);
                }

                return new Scalar(ScalarKind.String, text);
            case JsonValueKind.Number:
                if (value.TryGetValue<long>(out var integer))
                {
                    return new Scalar(ScalarKind.Integer, integer: integer, number: integer);
                }

                return value.TryGetValue<double>(out var number) ? new Scalar(ScalarKind.Float, number: number) : default;
            case JsonValueKind.True:
                return new Scalar(ScalarKind.Boolean, integer: 1);
            case JsonValueKind.False:
                return new Scalar(ScalarKind.Boolean, integer: 0);
            default:
                return default;
        }
    }

    public static bool IsBinaryProperty(string? property) =>
        property is not null && (property.EndsWith("_hex", StringComparison.Ordinal) || property.EndsWith("_bin", StringComparison.Ordinal));

    /// <summary>Bytes of a string whose characters are all below 256 (the spec's rule for comparing text with binary).</summary>
    public static byte[]? Latin1Bytes(string text)
    {
        var bytes = new byte[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] > 255)
            {
                return null;
            }

            bytes[i] = (byte)text[i];
        }

        return bytes;
    }

    public static string Latin1String(byte[] bytes) => string.Create(bytes.Length, bytes, static (span, b) =>
    {
        for (var i = 0; i < b.Length; i++)
        {
            span[i] = (char)b[i];
        }
    });

    private static byte[]? DecodeHex(string text)
    {
        if (text.Length % 2 != 0)
        {
            return null;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return null;
            }
        }

        return Convert.FromHexString(text);
    }

    private static byte[]? DecodeBase64(string text)
    {
        var buffer = new byte[((text.Length + 3) / 4 * 3) + 3];
        return Convert.TryFromBase64String(text, buffer, out var written) ? buffer[..written] : null;
    }
}
