using Microsoft.AspNetCore.Http;
using Vigil.Server.Access;

namespace Vigil.Server.Web.Session;

/// <summary>
/// On web pages without an Authorization header, signs the caller in from the session cookie, and sends the headers
/// that keep pages from being framed or loading anything from elsewhere.
/// </summary>
public sealed class WebSessionMiddleware(RequestDelegate next, WebSession session)
{
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!WebSession.IsWebPath(context.Request.Path))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        if (context.GetCaller() is null && context.Request.Headers.Authorization.Count == 0
            && await session.CallerAsync(context).ConfigureAwait(false) is { } caller)
        {
            context.SetCaller(caller);
        }

        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        await next(context).ConfigureAwait(false);
    }
}
