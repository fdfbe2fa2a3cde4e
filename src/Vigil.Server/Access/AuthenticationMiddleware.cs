using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Vigil.Server.Access;

/// <summary>
/// Signs the caller in from the Authorization header and sets the request's reader. No header means the public
/// reader (endpoints decide whether that is enough); a header that does not check out gets 401 at once. Every 401,
/// whoever sends it, carries the Basic and Bearer challenges.
/// </summary>
public sealed class AuthenticationMiddleware(RequestDelegate next, Authenticator authenticator)
{
    public const string Realm = "Vigil";
    private static readonly string[] Challenges = [$"Basic realm=\"{Realm}\", charset=\"UTF-8\"", $"Bearer realm=\"{Realm}\""];

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.OnStarting(AddChallenge, context);
        var header = context.Request.Headers.Authorization;
        if (header.Count == 0)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var caller = header.Count == 1 && header[0] is { } value
            ? await authenticator.AuthenticateAsync(value, context.RequestAborted).ConfigureAwait(false)
            : null;
        if (caller is null)
        {
            await AccessErrors.WriteAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized",
                "The Authorization header did not check out: use HTTP Basic with a user name and password (or any user name and an API key), or Bearer with an API key; the key may be revoked.")
                .ConfigureAwait(false);
            return;
        }

        context.SetCaller(caller);
        await next(context).ConfigureAwait(false);
    }

    private static Task AddChallenge(object state)
    {
        var response = ((HttpContext)state).Response;
        if (response.StatusCode == StatusCodes.Status401Unauthorized && !response.Headers.ContainsKey(HeaderNames.WWWAuthenticate))
        {
            response.Headers.WWWAuthenticate = Challenges;
        }

        return Task.CompletedTask;
    }
}
