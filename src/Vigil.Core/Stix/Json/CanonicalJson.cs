using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vigil.Core.Stix.Json;

/// <summary>
/// RFC 8785 JSON Canonicalization Scheme: object members sorted by their UTF-16 code units, no whitespace,
/// numbers in ECMAScript shortest round-trip form, strings with only the mandatory escapes. Used for STIX
/// deterministic identifiers and for anything that is hashed or signed.
/// </summary>
public static class CanonicalJson
{
    /// <summary>The canonical form as UTF-8 bytes.</summary>
    /// <exception cref="ArgumentException">A number is not finite, or a string holds a lone surrogate.</exception>
    public static byte[] SerializeToUtf8Bytes(JsonNode? node)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        Write(buffer, node);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The canonical form as a string.</summary>
    public static string Serialize(JsonNode? node) => Encoding.UTF8.GetString(SerializeToUtf8Bytes(node));

    /// <summary>Writes the canonical form of <paramref name="node"/> to <paramref name="output"/>.</summary>
    public static void Write(IBufferWriter<byte> output, JsonNode? node)
    {
        ArgumentNullException.ThrowIfNull(output);
        WriteNode(output, node, 0);
    }

    private const int MaxDepth = 256;

    private static void WriteNode(IBufferWriter<byte> output, JsonNode? node, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new ArgumentException($"JSON is nested deeper than {MaxDepth} levels.", nameof(node));
        }

        switch (node)
        {
            case null:
                WriteAscii(output, "null");
                break;
            case JsonObject obj:
                WriteObject(output, obj, depth);
                break;
            case JsonArray array:
                WriteByte(output, (byte)'[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        WriteByte(output, (byte)',');
                    }

                    WriteNode(output, array[i], depth + 1);
                }

                WriteByte(output, (byte)']');
                break;
            case JsonValue value:
                WriteValue(output, value);
                break;
        }
    }

    private static void WriteObject(IBufferWriter<byte> output, JsonObject obj, int depth)
    {
        var members = new KeyValuePair<string, JsonNode?>[obj.Count];
        var n = 0;
        foreach (var member in obj)
        {
            members[n++] = member;
        }

        Array.Sort(members, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        WriteByte(output, (byte)'{');
        for (var i = 0; i < members.Length; i++)
        {
            if (i > 0)
            {
                WriteByte(output, (byte)',');
            }

            WriteString(output, members[i].Key);
            WriteByte(output, (byte)':');
            WriteNode(output, members[i].Value, depth + 1);
        }

        WriteByte(output, (byte)'}');
    }

    private static void WriteValue(IBufferWriter<byte> output, JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                WriteString(output, value.GetValue<string>());
                break;
            case JsonValueKind.True:
                WriteAscii(output, "true");
                break;
            case JsonValueKind.False:
                WriteAscii(output, "false");
                break;
            case JsonValueKind.Null:
                WriteAscii(output, "null");
                break;
            case JsonValueKind.Number:
                WriteAscii(output, FormatNumber(ToDouble(value)));
                break;
            default:
                throw new ArgumentException($"Unsupported JSON value kind {value.GetValueKind()}.", nameof(value));
        }
    }

    private static double ToDouble(JsonValue value)
    {
        if (value.TryGetValue<JsonElement>(out var element))
        {
            // Parse the literal text: RFC 8785 treats every number as an IEEE 754 double.
            return double.Parse(element.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        if (value.TryGetValue<double>(out var d))
        {
            return d;
        }

        if (value.TryGetValue<long>(out var l))
        {
            return l;
        }

        if (value.TryGetValue<decimal>(out var m))
        {
            return (double)m;
        }

        return double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>Formats a double the way ECMAScript's Number.prototype.toString does (RFC 8785 section 3.2.2.3).</summary>
    public static string FormatNumber(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException("NaN and Infinity have no JSON form.", nameof(value));
        }

        if (value == 0)
        {
            return "0";
        }

        // "R" yields the shortest digits that round-trip; take them apart as digits and a decimal exponent.
        var shortest = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        Span<char> digits = stackalloc char[32];
        var digitCount = 0;
        var pointPosition = -1;
        var exponent = 0;
        var i = 0;
        for (; i < shortest.Length; i++)
        {
            var c = shortest[i];
            if (c == '.')
            {
                pointPosition = digitCount;
            }
            else if (c is 'E' or 'e')
            {
                exponent = int.Parse(shortest.AsSpan(i + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                break;
            }
            else
            {
                digits[digitCount++] = c;
            }
        }

        if (pointPosition < 0)
        {
            pointPosition = digitCount;
        }

        // Strip leading zeros (e.g. "0.001") and trailing zeros, tracking the decimal point.
        var start = 0;
        while (start < digitCount - 1 && digits[start] == '0')
        {
            start++;
            pointPosition--;
        }

        var end = digitCount;
        while (end > start + 1 && digits[end - 1] == '0')
        {
            end--;
        }

        var k = end - start;
        var n = pointPosition + exponent; // value = 0.d1d2...dk × 10^n
        var sb = new StringBuilder(32);
        if (value < 0)
        {
            sb.Append('-');
        }

        var ds = digits[start..end];
        if (k <= n && n <= 21)
        {
            sb.Append(ds).Append('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            sb.Append(ds[..n]).Append('.').Append(ds[n..]);
        }
        else if (-6 < n && n <= 0)
        {
            sb.Append("0.").Append('0', -n).Append(ds);
        }
        else
        {
            var e = n - 1;
            sb.Append(ds[0]);
            if (k > 1)
            {
                sb.Append('.').Append(ds[1..]);
            }

            sb.Append('e').Append(e < 0 ? '-' : '+').Append(Math.Abs(e).ToString(CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    /// <summary>Writes one string in canonical form (quotes and mandatory escapes only).</summary>
    public static void WriteString(IBufferWriter<byte> output, string s)
    {
        WriteByte(output, (byte)'"');
        var runStart = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            string? escape = c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\b' => "\\b",
                '\f' => "\\f",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                < ' ' => "\\u00" + ((int)c).ToString("x2", CultureInfo.InvariantCulture),
                _ => null,
            };
            if (escape is null)
            {
                if (char.IsHighSurrogate(c))
                {
                    if (i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1]))
                    {
                        throw new ArgumentException($"String has a lone surrogate at index {i}.", nameof(s));
                    }

                    i++;
                }
                else if (char.IsLowSurrogate(c))
                {
                    throw new ArgumentException($"String has a lone surrogate at index {i}.", nameof(s));
                }

                continue;
            }

            WriteUtf8(output, s.AsSpan(runStart, i - runStart));
            WriteAscii(output, escape);
            runStart = i + 1;
        }

        WriteUtf8(output, s.AsSpan(runStart));
        WriteByte(output, (byte)'"');
    }

    private static void WriteUtf8(IBufferWriter<byte> output, ReadOnlySpan<char> chars)
    {
        if (chars.IsEmpty)
        {
            return;
        }

        var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(chars.Length));
        var written = Encoding.UTF8.GetBytes(chars, span);
        output.Advance(written);
    }

    private static void WriteAscii(IBufferWriter<byte> output, string ascii)
    {
        var span = output.GetSpan(ascii.Length);
        for (var i = 0; i < ascii.Length; i++)
        {
            span[i] = (byte)ascii[i];
        }

        output.Advance(ascii.Length);
    }

    private static void WriteByte(IBufferWriter<byte> output, byte b)
    {
        output.GetSpan(1)[0] = b;
        output.Advance(1);
    }
}
