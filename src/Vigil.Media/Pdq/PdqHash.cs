using System.Globalization;
using System.Numerics;

namespace Vigil.Media.Pdq;

/// <summary>
/// A 256-bit PDQ hash. Bit k (k = row * 16 + column of the 16x16 DCT block) is bit k of the
/// 256-bit number whose hexadecimal form the reference prints, so <see cref="W0"/> holds bits 0..63.
/// </summary>
public readonly record struct PdqHash(ulong W0, ulong W1, ulong W2, ulong W3) : ISpanFormattable
{
    public const int BitCount = 256;
    public const int HexLength = 64;

    public static PdqHash Zero => default;

    public bool GetBit(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, BitCount);
        return ((Word(index >> 6) >> (index & 63)) & 1UL) != 0;
    }

    public ulong Word(int index) => index switch
    {
        0 => W0,
        1 => W1,
        2 => W2,
        3 => W3,
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, "A PDQ hash has words 0..3."),
    };

    /// <summary>Number of set bits.</summary>
    public int Norm => BitOperations.PopCount(W0) + BitOperations.PopCount(W1)
        + BitOperations.PopCount(W2) + BitOperations.PopCount(W3);

    public int DistanceTo(PdqHash other) => Distance(this, other);

    public static int Distance(PdqHash a, PdqHash b) =>
        BitOperations.PopCount(a.W0 ^ b.W0) + BitOperations.PopCount(a.W1 ^ b.W1)
        + BitOperations.PopCount(a.W2 ^ b.W2) + BitOperations.PopCount(a.W3 ^ b.W3);

    public static PdqHash FromBits(ReadOnlySpan<bool> bits)
    {
        if (bits.Length != BitCount)
        {
            throw new ArgumentException($"A PDQ hash has {BitCount} bits, got {bits.Length}.", nameof(bits));
        }

        Span<ulong> words = stackalloc ulong[4];
        for (var k = 0; k < BitCount; k++)
        {
            if (bits[k])
            {
                words[k >> 6] |= 1UL << (k & 63);
            }
        }

        return new PdqHash(words[0], words[1], words[2], words[3]);
    }

    public static PdqHash Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse(text.AsSpan());
    }

    public static PdqHash Parse(ReadOnlySpan<char> text) =>
        TryParse(text, out var hash, out var error)
            ? hash
            : throw new FormatException(error);

    public static bool TryParse(ReadOnlySpan<char> text, out PdqHash hash) => TryParse(text, out hash, out _);

    private static bool TryParse(ReadOnlySpan<char> text, out PdqHash hash, out string error)
    {
        hash = default;
        var shown = text.Length > 80 ? string.Concat(text[..77], "...") : text.ToString();
        if (text.Length != HexLength)
        {
            error = $"Malformed PDQ hash \"{shown}\": expected {HexLength} hexadecimal digits, got {text.Length} characters.";
            return false;
        }

        Span<ulong> words = stackalloc ulong[4];
        for (var i = 0; i < 4; i++)
        {
            var chunk = text.Slice(i * 16, 16);
            if (!ulong.TryParse(chunk, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out words[3 - i]))
            {
                var bad = chunk.IndexOfAnyExcept("0123456789abcdefABCDEF") + (i * 16);
                error = $"Malformed PDQ hash \"{shown}\": character {bad + 1} ('{text[bad]}') is not a hexadecimal digit.";
                return false;
            }
        }

        hash = new PdqHash(words[0], words[1], words[2], words[3]);
        error = string.Empty;
        return true;
    }

    /// <summary>Lower-case hex, most significant word first, as the reference prints it.</summary>
    public override string ToString() => string.Create(HexLength, this, static (span, h) => h.TryFormat(span, out _, default, null));

    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        charsWritten = 0;
        if (destination.Length < HexLength)
        {
            return false;
        }

        W3.TryFormat(destination, out _, "x16", CultureInfo.InvariantCulture);
        W2.TryFormat(destination[16..], out _, "x16", CultureInfo.InvariantCulture);
        W1.TryFormat(destination[32..], out _, "x16", CultureInfo.InvariantCulture);
        W0.TryFormat(destination[48..], out _, "x16", CultureInfo.InvariantCulture);
        charsWritten = HexLength;
        return true;
    }
}
