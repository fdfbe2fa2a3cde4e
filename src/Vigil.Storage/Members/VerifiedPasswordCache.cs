using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Vigil.Core.Members;

namespace Vigil.Storage.Members;

/// <summary>
/// Remembers (user name, password) pairs that passed the slow KDF for a short time, so HTTP Basic does not pay
/// PBKDF2 on every request. Entries are keyed by an HMAC under a per-process random key (the cache never holds a
/// password) and are dropped when the member store's generation moves (a password change, a disabled user).
/// </summary>
public sealed class VerifiedPasswordCache(TimeProvider time, TimeSpan ttl, int capacity = 10_000)
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public UserAccount? Find(string userName, string password, long generation)
    {
        if (_entries.TryGetValue(KeyOf(userName, password), out var entry)
            && entry.Generation == generation
            && entry.Expires > time.GetUtcNow())
        {
            return entry.User;
        }

        return null;
    }

    public void Remember(string userName, string password, UserAccount user, long generation)
    {
        if (_entries.Count >= capacity)
        {
            _entries.Clear();
        }

        _entries[KeyOf(userName, password)] = new Entry(user, generation, time.GetUtcNow() + ttl);
    }

    private string KeyOf(string userName, string password)
    {
        var bytes = Encoding.UTF8.GetBytes(userName + "\n" + password);
        try
        {
            return Convert.ToBase64String(HMACSHA256.HashData(_key, bytes));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    private sealed record Entry(UserAccount User, long Generation, DateTimeOffset Expires);
}
