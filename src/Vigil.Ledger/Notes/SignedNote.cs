using System.Buffers.Binary;
using System.Text;
using Vigil.Ledger.Errors;

namespace Vigil.Ledger.Notes;

/// <summary>
/// A C2SP signed note: text ending in a newline, a blank line, then one or more signature lines. Parsing checks the
/// format only; <see cref="NoteVerification"/> checks signatures.
/// </summary>
public sealed record SignedNote
{
    /// <summary>Notes larger than this are refused before parsing.</summary>
    public const int MaxSize = 1 << 20;

    /// <summary>Notes with more signature lines than this are refused (the spec requires accepting at least 16).</summary>
    public const int MaxSignatures = 100;

    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    /// <summary>The signed text, including its final newline.</summary>
    public required string Text { get; init; }

    /// <summary>The signature lines, in order.</summary>
    public required IReadOnlyList<NoteSignature> Signatures { get; init; }

    /// <summary>The note as served: text, blank line, signature lines.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder(Text.Length + 128);
        sb.Append(Text).Append('\n');
        foreach (var signature in Signatures)
        {
            sb.Append(signature.ToLine());
        }

        return sb.ToString();
    }

    /// <summary>The same note with one more signature line; a line from the same key (name and ID) is replaced.</summary>
    public SignedNote WithSignature(NoteSignature signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        var list = new List<NoteSignature>(Signatures.Count + 1);
        foreach (var existing in Signatures)
        {
            if (existing.KeyName != signature.KeyName || existing.KeyId != signature.KeyId)
            {
                list.Add(existing);
            }
        }

        list.Add(signature);
        return this with { Signatures = list };
    }

    /// <summary>Parses a note from UTF-8 bytes; invalid UTF-8 is refused.</summary>
    public static SignedNote Parse(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxSize)
        {
            throw new LedgerException(LedgerFailure.MalformedNote, $"The note is {utf8.Length} bytes; the limit is {MaxSize}.");
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(utf8);
        }
        catch (DecoderFallbackException e)
        {
            throw new LedgerException(LedgerFailure.MalformedNote, $"The note is not valid UTF-8 (at byte {e.Index}).");
        }

        return Parse(text);
    }

    /// <summary>Parses a note; throws <see cref="LedgerException"/> (MalformedNote) saying what and where.</summary>
    public static SignedNote Parse(string note)
    {
        ArgumentNullException.ThrowIfNull(note);
        if (note.Length > MaxSize)
        {
            throw Malformed($"The note is {note.Length} characters; the limit is {MaxSize}.");
        }

        for (var i = 0; i < note.Length; i++)
        {
            var c = note[i];
            if (c < 0x20 && c != '\n')
            {
                throw Malformed($"The note holds control character U+{(int)c:X4} at offset {i}.");
            }

            if (char.IsSurrogate(c) && !(char.IsHighSurrogate(c) && i + 1 < note.Length && char.IsLowSurrogate(note[++i])))
            {
                throw Malformed($"The note holds an unpaired surrogate at offset {i}.");
            }
        }

        var split = note.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0)
        {
            throw Malformed("The note has no blank line separating the text from the signatures.");
        }

        var text = note[..(split + 1)];
        var block = note[(split + 2)..];
        if (block.Length == 0)
        {
            throw Malformed("The note has no signature lines.");
        }

        if (!block.EndsWith('\n'))
        {
            throw Malformed("The last signature line does not end with a newline.");
        }

        var lines = block[..^1].Split('\n');
        if (lines.Length > MaxSignatures)
        {
            throw Malformed($"The note has {lines.Length} signature lines; the limit is {MaxSignatures}.");
        }

        var signatures = new List<NoteSignature>(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            signatures.Add(ParseSignatureLine(lines[i], i + 1));
        }

        return new SignedNote { Text = text, Signatures = signatures };
    }

    private static NoteSignature ParseSignatureLine(string line, int number)
    {
        if (!line.StartsWith("— ", StringComparison.Ordinal))
        {
            throw Malformed($"Signature line {number} does not start with an em dash and a space.");
        }

        var rest = line[2..];
        var space = rest.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0 || rest.IndexOf(' ', space + 1) >= 0)
        {
            throw Malformed($"Signature line {number} is not '— <key name> <base64 signature>'.");
        }

        var name = rest[..space];
        if (!NoteKeyId.IsValidName(name))
        {
            throw Malformed($"Signature line {number}: key name '{name}' is empty or holds a space or plus sign.");
        }

        if (!StrictBase64.TryDecode(rest[(space + 1)..], out var bytes))
        {
            throw Malformed($"Signature line {number} ({name}): the signature is not canonical base64.");
        }

        if (bytes.Length < 5)
        {
            throw Malformed($"Signature line {number} ({name}): the signature is {bytes.Length} bytes, shorter than a key ID and a signature.");
        }

        return new NoteSignature
        {
            KeyName = name,
            KeyId = BinaryPrimitives.ReadUInt32BigEndian(bytes),
            Signature = bytes.AsMemory(4),
        };
    }

    private static LedgerException Malformed(string message) => new(LedgerFailure.MalformedNote, message);
}
