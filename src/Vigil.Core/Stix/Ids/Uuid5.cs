using System.Security.Cryptography;
using System.Text;

namespace Vigil.Core.Stix.Ids;

/// <summary>RFC 4122 name-based UUIDs (version 5, SHA-1) and random version 4 UUIDs, as STIX identifiers use them.</summary>
public static class Uuid5
{
    /// <summary>The namespace STIX 2.1 reserves for deterministic cyber-observable identifiers.</summary>
    public static readonly Guid StixScoNamespace = new("00abedb4-aa42-466c-9c01-fed23315a9b7");

    public static Guid Create(Guid namespaceId, string name) => Create(namespaceId, Encoding.UTF8.GetBytes(name));

    public static Guid Create(Guid namespaceId, ReadOnlySpan<byte> name)
    {
        var length = 16 + name.Length;
        var rented = length <= 512 ? null : System.Buffers.ArrayPool<byte>.Shared.Rent(length);
        var input = rented is null ? stackalloc byte[length] : rented.AsSpan(0, length);
        namespaceId.TryWriteBytes(input, bigEndian: true, out _);
        name.CopyTo(input[16..]);
        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(input, hash);
        if (rented is not null)
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }

        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }

    /// <summary>The version nibble of an RFC 4122 UUID (4 for random, 5 for name-based SHA-1).</summary>
    public static int VersionOf(Guid id) => id.Version;

    /// <summary>True when the variant bits say RFC 4122 (10xx).</summary>
    public static bool IsRfc4122(Guid id) => (id.Variant & 0xC) == 0x8;
}
