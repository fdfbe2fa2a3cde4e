using System.Security.Cryptography;
using System.Text;

namespace Vigil.Storage.Disclosures;

/// <summary>
/// Hashes account identifiers with HMAC-SHA256 under the hub's secret, so the same account hashes the same across
/// disclosures of one hub (researchers can link them) but nobody without the secret can test a guessed identifier.
/// The platform name is part of the message, so equal ids on two platforms do not collide; handles are hashed
/// without their @ and case-folded, as platforms treat them.
/// </summary>
public sealed class AccountHasher(byte[] secret)
{
    public string Hash(string platform, string value)
    {
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(value);
        var message = Encoding.UTF8.GetBytes(platform.Trim().ToUpperInvariant() + "\n" + value);
        return Convert.ToHexStringLower(HMACSHA256.HashData(secret, message));
    }

    public DisclosedAccount Hash(DisclosedAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var handle = account.Handle.Trim().TrimStart('@');
        return account with
        {
            AccountId = Hash(account.Platform, account.AccountId),
            Handle = handle.Length == 0 ? string.Empty : Hash(account.Platform, handle.ToUpperInvariant()),
        };
    }
}
