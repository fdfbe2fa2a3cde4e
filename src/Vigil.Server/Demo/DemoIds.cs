using System.Security.Cryptography;
using System.Text;

namespace Vigil.Server.Demo;

/// <summary>
/// Stable identifiers for the demo, so a restart finds what it wrote before and the documentation can name them.
/// They are random-form (version 4) UUIDs whose bits come from a hash of a fixed name instead of a random source.
/// </summary>
internal static class DemoIds
{
    public static Guid Uuid(string name)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes("vigil-demo:" + name), hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x40);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }

    public static string Stix(string type, string name) => type + "--" + Uuid(type + ":" + name).ToString("D");
}
