using System.Globalization;
using System.Text;
using Vigil.Ledger.Errors;
using Vigil.Ledger.Merkle;

namespace Vigil.Ledger.Checkpoints;

/// <summary>A C2SP tlog-checkpoint body: origin line, tree size, base64 root hash, optional extension lines.</summary>
public sealed record Checkpoint
{
    /// <summary>The log's identity, e.g. <c>hub.example.org/log</c>.</summary>
    public required string Origin { get; init; }

    /// <summary>The number of entries in the tree.</summary>
    public required long Size { get; init; }

    /// <summary>The RFC 6962 root hash at <see cref="Size"/>.</summary>
    public required MerkleHash RootHash { get; init; }

    /// <summary>Opaque extension lines (not recommended; non-empty when present).</summary>
    public IReadOnlyList<string> Extensions { get; init; } = [];

    /// <summary>The note text, ending with a newline.</summary>
    public string ToText()
    {
        var sb = new StringBuilder(128);
        sb.Append(Origin).Append('\n')
            .Append(Size.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append(RootHash.ToBase64()).Append('\n');
        foreach (var line in Extensions)
        {
            sb.Append(line).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>Parses note text; throws <see cref="LedgerException"/> (MalformedCheckpoint) naming the bad line.</summary>
    public static Checkpoint Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.EndsWith('\n'))
        {
            throw Malformed("The checkpoint text does not end with a newline.");
        }

        var lines = text[..^1].Split('\n');
        if (lines.Length < 3)
        {
            throw Malformed($"A checkpoint has at least 3 lines (origin, size, root hash); this one has {lines.Length}.");
        }

        if (lines[0].Length == 0)
        {
            throw Malformed("Line 1 (origin) is empty.");
        }

        var sizeText = lines[1];
        if (sizeText.Length == 0 || sizeText.Length > 19 || (sizeText.Length > 1 && sizeText[0] == '0') || !sizeText.All(char.IsAsciiDigit)
            || !long.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out var size))
        {
            throw Malformed($"Line 2 (tree size) '{sizeText}' is not a decimal number without leading zeros.");
        }

        if (!MerkleHash.TryFromBase64(lines[2], out var root))
        {
            throw Malformed($"Line 3 (root hash) '{lines[2]}' is not the base64 of 32 bytes.");
        }

        for (var i = 3; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                throw Malformed($"Line {i + 1} (extension) is empty.");
            }
        }

        return new Checkpoint { Origin = lines[0], Size = size, RootHash = root, Extensions = lines[3..] };
    }

    private static LedgerException Malformed(string message) => new(LedgerFailure.MalformedCheckpoint, message);
}
