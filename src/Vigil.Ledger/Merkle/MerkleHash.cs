using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Vigil.Ledger.Merkle;

/// <summary>A 32-byte SHA-256 Merkle tree hash held by value, so arrays of hashes are flat arrays of structs.</summary>
[StructLayout(LayoutKind.Sequential)]
public readonly struct MerkleHash : IEquatable<MerkleHash>
{
    /// <summary>The size of a hash in bytes.</summary>
    public const int Size = 32;

    private readonly ulong _a;
    private readonly ulong _b;
    private readonly ulong _c;
    private readonly ulong _d;

    /// <summary>Reads a hash from exactly 32 bytes.</summary>
    /// <exception cref="ArgumentException">The span is not 32 bytes long.</exception>
    public MerkleHash(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
        {
            throw new ArgumentException($"A Merkle hash is {Size} bytes, not {bytes.Length}.", nameof(bytes));
        }

        _a = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        _b = BinaryPrimitives.ReadUInt64LittleEndian(bytes[8..]);
        _c = BinaryPrimitives.ReadUInt64LittleEndian(bytes[16..]);
        _d = BinaryPrimitives.ReadUInt64LittleEndian(bytes[24..]);
    }

    /// <summary>Writes the 32 bytes of the hash to <paramref name="destination"/>.</summary>
    public void CopyTo(Span<byte> destination)
    {
        if (destination.Length < Size)
        {
            throw new ArgumentException($"The destination holds {destination.Length} bytes; a hash needs {Size}.", nameof(destination));
        }

        BinaryPrimitives.WriteUInt64LittleEndian(destination, _a);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[8..], _b);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[16..], _c);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[24..], _d);
    }

    /// <summary>The hash as a new 32-byte array.</summary>
    public byte[] ToArray()
    {
        var bytes = new byte[Size];
        CopyTo(bytes);
        return bytes;
    }

    /// <summary>Standard base64 (RFC 4648 section 4), as checkpoints write root hashes.</summary>
    public string ToBase64() => Convert.ToBase64String(ToArray());

    /// <summary>Lower-case hexadecimal.</summary>
    public string ToHex() => Convert.ToHexStringLower(ToArray());

    /// <summary>Parses 64 hexadecimal digits.</summary>
    /// <exception cref="FormatException">The text is not 64 hexadecimal digits.</exception>
    public static MerkleHash FromHex(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        if (hex.Length != Size * 2)
        {
            throw new FormatException($"A hash is {Size * 2} hexadecimal digits; got {hex.Length} characters.");
        }

        Span<byte> bytes = stackalloc byte[Size];
        if (Convert.FromHexString(hex, bytes, out _, out var written) != System.Buffers.OperationStatus.Done || written != Size)
        {
            throw new FormatException("A hash must be hexadecimal digits only.");
        }

        return new MerkleHash(bytes);
    }

    /// <summary>Parses a standard base64 hash of exactly 32 bytes.</summary>
    public static bool TryFromBase64(string text, out MerkleHash hash)
    {
        Span<byte> bytes = stackalloc byte[Size + 3];
        if (text is { Length: 44 } && Convert.TryFromBase64String(text, bytes, out var written) && written == Size
            && Convert.ToBase64String(bytes[..Size]) == text)
        {
            hash = new MerkleHash(bytes[..Size]);
            return true;
        }

        hash = default;
        return false;
    }

    /// <inheritdoc/>
    public bool Equals(MerkleHash other) => _a == other._a && _b == other._b && _c == other._c && _d == other._d;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is MerkleHash other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => (int)_a ^ (int)(_a >> 32);

    /// <inheritdoc/>
    public override string ToString() => ToHex();

    public static bool operator ==(MerkleHash left, MerkleHash right) => left.Equals(right);

    public static bool operator !=(MerkleHash left, MerkleHash right) => !left.Equals(right);
}
