using Vigil.Server.Web.Session;

namespace Vigil.Web.Tests.Session;

public sealed class ReturnUrlTests
{
    [Theory]
    [InlineData("/exchange/objects?type=indicator", "/exchange/objects?type=indicator")]
    [InlineData("/", "/")]
    [InlineData(null, "/")]
    [InlineData("", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("/a\r\nLocation: https://evil.example/", "/")]
    public void Only_local_addresses_are_returned_to(string? asked, string expected) =>
        Assert.Equal(expected, WebSession.SafeReturnUrl(asked));

    [Theory]
    [InlineData("/", true)]
    [InlineData("/exchange/objects", true)]
    [InlineData("/signin", true)]
    [InlineData("/api/me", false)]
    [InlineData("/API/rest/objects", false)]
    [InlineData("/taxii2/", false)]
    [InlineData("/log/checkpoint", false)]
    [InlineData("/public/lookup", false)]
    [InlineData("/apix", true)]
    public void The_session_cookie_signs_in_web_pages_only(string path, bool web) =>
        Assert.Equal(web, WebSession.IsWebPath(path));
}
