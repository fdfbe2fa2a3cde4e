using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Server.Hosting;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Ads;

/// <summary>
/// The public ad library's web pages share the public API's keyed rate limit: an anonymous address that used its bucket
/// gets a readable 429 page with Retry-After (and the API refuses it too), while member pages, the sign-in page and the
/// stylesheet are never limited; an API key or a signed-in session has its own bucket.
/// </summary>
public sealed partial class AdPagesRateLimitTests : IAsyncLifetime
{
    private const int Anonymous = 3;
    private const int Keyed = 4;
    private TestHub _hub = null!;

    public async Task InitializeAsync() => _hub = await TestHub.StartAsync(new TestHubOptions
    {
        ConfigureServices = services => services.AddSingleton(new PublicRateLimits { AnonymousPerMinute = Anonymous, KeyedPerMinute = Keyed }),
    });

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task An_anonymous_address_gets_a_readable_429_page_with_retry_after_once_its_bucket_is_empty()
    {
        for (var i = 0; i < Anonymous; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await _hub.Client.GetAsync("/ads?ad_active_status=ALL")).StatusCode);
        }

        var refused = await _hub.Client.GetAsync("/ads?search_terms=vote&ad_active_status=ALL");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture) >= 1);
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Too many requests</h1>", page, StringComparison.Ordinal);
        Assert.Matches(@"try again in \d+ seconds", page);
        Assert.Contains("href=\"/ads?search_terms=vote&amp;ad_active_status=ALL\"", page, StringComparison.Ordinal);

        // The advertiser pages, the other public pages and the API draw on the same bucket; the API still answers problem details.
        foreach (var path in (string[])["/ads/pages/FACEBOOK/123", "/disclosures", "/disclosures/no-such-disclosure", "/transparency"])
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, (await _hub.Client.GetAsync(path)).StatusCode);
        }

        var api = await _hub.Client.GetAsync("/public/ads_archive?ad_active_status=ALL&limit=1");
        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);

        // Pages that are not the public library are not limited: the sign-in page, the stylesheet, and a member page
        // (which sends an anonymous caller to sign in rather than refusing it).
        Assert.Equal(HttpStatusCode.OK, (await _hub.Client.GetAsync("/signin")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _hub.Client.GetAsync("/web/vigil.css")).StatusCode);
        var memberPage = await _hub.Client.GetAsync("/response/cases");
        Assert.Equal(HttpStatusCode.Redirect, memberPage.StatusCode);
        Assert.Contains("/signin?returnUrl=", memberPage.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_api_key_has_its_own_bucket_on_the_pages_and_member_pages_are_never_limited()
    {
        await ExhaustAnonymousAsync();
        var member = await _hub.CreateMemberAsync();
        var keyed = _hub.BearerClient(member.ApiKey);
        for (var i = 0; i < Keyed; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await keyed.GetAsync("/ads?ad_active_status=ALL")).StatusCode);
        }

        var refused = await keyed.GetAsync("/ads?ad_active_status=ALL");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.Contains("Retry-After"));

        foreach (var path in new[] { "/", "/response/cases", "/correlation/alerts" })
        {
            Assert.Equal(HttpStatusCode.OK, (await keyed.GetAsync(path)).StatusCode);
        }
    }

    [Fact]
    public async Task A_signed_in_session_has_its_own_bucket_on_the_pages()
    {
        await ExhaustAnonymousAsync();
        var member = await _hub.CreateMemberAsync();
        var session = await SignInAsync(member);
        for (var i = 0; i < Keyed; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/ads?ad_active_status=ALL")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await session.GetAsync("/ads?ad_active_status=ALL")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/response/cases")).StatusCode);
    }

    private async Task ExhaustAnonymousAsync()
    {
        HttpStatusCode status;
        var requests = 0;
        do
        {
            status = (await _hub.Client.GetAsync("/ads")).StatusCode;
            requests++;
        }
        while (status != HttpStatusCode.TooManyRequests && requests <= Anonymous);

        Assert.Equal(HttpStatusCode.TooManyRequests, status);
    }

    /// <summary>Signs in through the sign-in form and answers a client that sends the session cookie.</summary>
    private async Task<HttpClient> SignInAsync(TestMember member)
    {
        using var anonymous = _hub.App.GetTestClient();
        var form = await anonymous.GetAsync("/signin");
        var token = VerificationToken().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/signin")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "signin",
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
                ["Input.UserName"] = member.User.UserName,
                ["Input.Password"] = member.Password,
                ["Input.ReturnUrl"] = "/",
            }),
        };
        post.Headers.Add("Cookie", Cookies(form));
        var signedIn = await anonymous.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var session = Cookies(signedIn);
        Assert.Contains("vigil.session=", session, StringComparison.Ordinal);

        var client = _hub.App.GetTestClient();
        client.DefaultRequestHeaders.Add("Cookie", session);
        return client;
    }

    private static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.Select(c => c.Split(';')[0]) : []);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex VerificationToken();
}
