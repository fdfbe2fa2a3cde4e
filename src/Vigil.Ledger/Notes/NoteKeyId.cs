using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Vigil.Ledger.Notes;

/// <summary>Key IDs as C2SP signed-note recommends: the first 4 bytes of SHA-256(name ‖ 0x0A ‖ type ‖ public key), big-endian.</summary>
public static class NoteKeyId
{
    /// <summary>Computes the key ID of a named public key of a signature type.</summary>
    public static uint Compute(string name, NoteKeyType type, ReadOnlySpan<byte> publicKey)
    {
        ArgumentNullException.ThrowIfNull(name);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var buffer = new byte[nameBytes.Length + 2 + publicKey.Length];
        nameBytes.CopyTo(buffer, 0);
        buffer[nameBytes.Length] = 0x0A;
        buffer[nameBytes.Length + 1] = (byte)type;
        publicKey.CopyTo(buffer.AsSpan(nameBytes.Length + 2));
        return BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(buffer));
    }

    /// <summary>A key name is valid when non-empty, free of Unicode spaces, plus signs and control characters.</summary>
    public static bool IsValidName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (char.IsWhiteSpace(c) || c == '+' || char.IsControl(c))
            {
                return false;
            }
        }

        return true;
    }
}
