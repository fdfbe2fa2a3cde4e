using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Http;
using Vigil.Server.Ads;

namespace Vigil.Server.Web;

/// <summary>
/// The page a rate-limited public web page (the ad library, takedown disclosures, transparency statistics) answers with: a plain HTML page in the site's style that says how long to wait, links
/// back to the same address and points researchers at the API key's own, larger limit. It is written without rendering
/// components, so refusing a request stays cheap.
/// </summary>
public static class TooManyRequestsPage
{
    public static async Task WriteAsync(HttpContext context, int retryAfterSeconds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var again = WebUtility.HtmlEncode(request.PathBase + request.Path + request.QueryString);
        var seconds = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        var html = $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <link rel="stylesheet" href="{{WebUi.StylesheetPath}}" />
                <title>Too many requests · Vigil</title>
            </head>
            <body>
            <header class="site-header"><a class="brand" href="/">Vigil</a></header>
            <main id="main">
                <h1>Too many requests</h1>
                <p class="error" role="alert" id="rate-limited">You have used up your share of this hub's public rate limit for now. Please try again in {{seconds}} seconds.</p>
                <p><a href="{{again}}" id="try-again">Try this page again</a> · <a href="/">Home</a></p>
                <p class="hint">Searching or downloading in bulk? The public pages have API equivalents (the ad library is at
                <a href="{{AdsApi.Prefix}}">{{AdsApi.Prefix}}</a>), and an API key (sent as Bearer) has its own, larger limit; so
                does a signed-in member.</p>
            </main>
            </body>
            </html>
            """;
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsync(html, cancellationToken).ConfigureAwait(false);
    }
}
