using Vigil.Ads.Model;
using Vigil.Server.Ads;

namespace Vigil.Server.Web.Ads;

/// <summary>The addresses of the public ad library pages and of the API answers they link to.</summary>
public static class AdLinks
{
    public const string Library = "/ads";

    public static string Page(string platform, string pageId) =>
        Library + "/pages/" + Uri.EscapeDataString(platform) + "/" + Uri.EscapeDataString(pageId);

    /// <summary>The ad as JSON (its current version, every field).</summary>
    public static string Json(Ad ad)
    {
        ArgumentNullException.ThrowIfNull(ad);
        return AdsApi.Prefix + "/ads/" + Uri.EscapeDataString(ad.Platform) + "/" + Uri.EscapeDataString(ad.Id);
    }

    /// <summary>A library search for one disclaimer.</summary>
    public static string Byline(string byline) =>
        Library + "?bylines=" + Uri.EscapeDataString(System.Text.Json.JsonSerializer.Serialize(new[] { byline }));
}
