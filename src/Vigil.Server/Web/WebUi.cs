using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Server.Hosting;
using Vigil.Server.Web.Components;
using Vigil.Server.Web.Exchange;
using Vigil.Server.Web.Session;

namespace Vigil.Server.Web;

/// <summary>
/// The web UI: server-rendered Razor components under <c>/</c>, signed in by a session cookie that only web pages
/// accept (APIs keep Basic and Bearer), with anti-forgery on every form.
/// </summary>
public static class WebUi
{
    public const string StylesheetPath = "/web/vigil.css";

    public static IServiceCollection AddVigilWeb(this IServiceCollection services, ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddRazorComponents();
        services.AddDataProtection()
            .SetApplicationName("Vigil")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(options.DataDirectory, "web-keys")));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "vigil.antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddAuthentication(WebSession.Scheme)
            .AddCookie(WebSession.Scheme, o =>
            {
                o.Cookie.Name = "vigil.session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = WebSession.Lifetime;
                o.SlidingExpiration = true;
                o.LoginPath = WebSession.SignInPath;
            });
        services.AddSingleton<WebSession>();
        services.AddSingleton<ExchangeReader>();
        services.AddSingleton<Correlation.ValueReader>();
        services.AddSingleton<Board.BoardReader>();
        services.AddSignalR();
        services.AddSingleton<Board.BoardViewers>();
        services.AddHostedService<Board.BoardBroadcaster>();
        return services;
    }

    /// <summary>Signs web pages in from the session cookie and checks anti-forgery tokens; after the API authentication.</summary>
    public static IApplicationBuilder UseVigilWeb(this IApplicationBuilder app)
    {
        app.UseMiddleware<WebSessionMiddleware>();
        app.Use(Board.BoardEndpoints.RefuseAnonymousHubAsync);
        app.UseAntiforgery();
        return app;
    }

    public static IEndpointRouteBuilder MapVigilWeb(this IEndpointRouteBuilder app)
    {
        app.MapMethods(StylesheetPath, [HttpMethods.Get, HttpMethods.Head], (HttpContext context) =>
            {
                context.Response.Headers.CacheControl = "public, max-age=3600";
                return TypedResults.Text(Stylesheet.Value, "text/css; charset=utf-8");
            })
            .ExcludeFromDescription();
        app.MapPost(WebSession.SignOutPath, SignOutAsync).ExcludeFromDescription();
        Board.BoardEndpoints.MapBoard(app);
        app.MapRazorComponents<App>();
        return app;
    }

    // Reading the form makes the endpoint require a valid anti-forgery token.
    private static async Task<IResult> SignOutAsync(HttpContext context, IFormCollection form)
    {
        _ = form;
        await context.SignOutAsync(WebSession.Scheme).ConfigureAwait(false);
        return TypedResults.LocalRedirect(WebSession.SignInPath + "?signedOut=1");
    }

    private static readonly Lazy<string> Stylesheet = new(() =>
    {
        using var stream = typeof(WebUi).Assembly.GetManifestResourceStream("Vigil.Server.Web.Assets.vigil.css")
            ?? throw new InvalidOperationException("The web UI stylesheet is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });
}
