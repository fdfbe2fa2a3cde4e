using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Vigil.Server.Access;

/// <summary>
/// Signed-in callers by Authorization header for a short time, so a client's burst of requests costs one lookup.
/// Keys are an HMAC of the header under a per-process random key (no secret is held), and an entry is stale as
/// soon as the member store's generation moves (a revoked key, a new collection, a changed group).
/// </summary>
public sealed class CallerCache(TimeProvider time, TimeSpan ttl, int capacity = 10_000)
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public Caller? Find(string header, long generation) =>
        _entries.TryGetValue(KeyOf(header), out var entry) && entry.Generation == generation && entry.Expires > time.GetUtcNow()
            ? entry.Caller
            : null;

    public void Remember(string header, Caller caller, long generation)
    {
        if (_entries.Count >= capacity)
        {
            _entries.Clear();
        }

        _entries[KeyOf(header)] = new Entry(caller, generation, time.GetUtcNow() + ttl);
    }

    private string KeyOf(string header)
    {
        Span<byte> mac = stackalloc byte[32];
        var bytes = Encoding.UTF8.GetBytes(header);
        HMACSHA256.HashData(_key, bytes, mac);
        CryptographicOperations.ZeroMemory(bytes);
        return Convert.ToBase64String(mac);
    }

    private sealed record Entry(Caller Caller, long Generation, DateTimeOffset Expires);
}
