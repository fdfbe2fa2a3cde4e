using Vigil.Storage.Members;

namespace Vigil.Server.Access;

/// <summary>
/// Turns an Authorization header into a caller: an API key (as a Bearer token, or as the password of HTTP Basic with
/// any user name) or a user name and password. Null means the credentials are wrong, revoked or disabled.
/// </summary>
public sealed class Authenticator(IMemberStore members, ReaderFactory readers, CallerCache cache)
{
    public async Task<Caller?> AuthenticateAsync(string header, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(header);
        var generation = members.Generation;
        if (cache.Find(header, generation) is { } cached)
        {
            return cached;
        }

        if (!Credentials.TryParse(header, out var credentials))
        {
            return null;
        }

        Caller? caller = null;
        if (ApiKeySecret.LooksLikeKey(credentials.Secret))
        {
            if (await members.VerifyApiKeyAsync(credentials.Secret, cancellationToken).ConfigureAwait(false) is { } key)
            {
                caller = await readers.ForKeyAsync(key, cancellationToken).ConfigureAwait(false);
            }
        }
        else if (credentials.UserName is { Length: > 0 } userName && credentials.Secret.Length > 0)
        {
            if (await members.VerifyPasswordAsync(userName, credentials.Secret, cancellationToken).ConfigureAwait(false) is { } user)
            {
                caller = await readers.ForUserAsync(user, null, cancellationToken).ConfigureAwait(false);
            }
        }

        if (caller is not null)
        {
            cache.Remember(header, caller, generation);
        }

        return caller;
    }
}
