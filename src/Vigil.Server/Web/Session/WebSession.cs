using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Vigil.Core.Members;
using Vigil.Server.Access;
using Vigil.Storage.Members;

namespace Vigil.Server.Web.Session;

/// <summary>
/// The web UI's sign-in: a password check through the member store, then a data-protected session cookie naming the
/// user. Each request rebuilds the caller from the user (through the same reader factory as the APIs, cached like an
/// Authorization header), so a disabled user or a changed group takes effect at once.
/// </summary>
public sealed class WebSession(IMemberStore members, ReaderFactory readers, CallerCache cache)
{
    public const string Scheme = "VigilSession";
    public const string SignInPath = "/signin";
    public const string SignOutPath = "/signout";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    /// <summary>Paths that belong to the APIs: the session cookie never signs them in, so a page cannot be used to forge API calls.</summary>
    private static readonly string[] ApiPrefixes = ["/api", "/taxii2", "/log", "/openapi", "/public"];

    public static bool IsWebPath(PathString path) =>
        !ApiPrefixes.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));

    /// <summary>Null when the user name or password is wrong or the user is disabled.</summary>
    public async Task<UserAccount?> VerifyAsync(string userName, string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(password);
        if (userName.Length == 0 || password.Length == 0)
        {
            return null;
        }

        var user = await members.VerifyPasswordAsync(userName.Trim(), password, cancellationToken).ConfigureAwait(false);
        return user is { Disabled: false } ? user : null;
    }

    public static Task SignInAsync(HttpContext context, UserAccount user)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(user);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Name, user.UserName)], Scheme);
        return context.SignInAsync(Scheme, new ClaimsPrincipal(identity), new AuthenticationProperties { IsPersistent = false });
    }

    /// <summary>The caller the session cookie stands for, or null (no cookie, a tampered or expired one, a disabled user).</summary>
    public async Task<Caller?> CallerAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = await context.AuthenticateAsync(Scheme).ConfigureAwait(false);
        if (!result.Succeeded || result.Principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { Length: > 0 } userId)
        {
            return null;
        }

        var key = "session " + userId;
        var generation = members.Generation;
        if (cache.Find(key, generation) is { } cached)
        {
            return cached;
        }

        var user = await members.GetUserAsync(userId, context.RequestAborted).ConfigureAwait(false);
        var caller = user is null ? null : await readers.ForUserAsync(user, null, context.RequestAborted).ConfigureAwait(false);
        if (caller is null)
        {
            await context.SignOutAsync(Scheme).ConfigureAwait(false);
            return null;
        }

        cache.Remember(key, caller, generation);
        return caller;
    }

    /// <summary>A return address only when it stays on this site.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            && !url.Contains('\r', StringComparison.Ordinal) && !url.Contains('\n', StringComparison.Ordinal)
            ? url
            : "/";
}
