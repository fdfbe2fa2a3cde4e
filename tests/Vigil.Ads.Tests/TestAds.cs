using Vigil.Ads.Import;
using Vigil.Ads.Model;

namespace Vigil.Ads.Tests;

/// <summary>Small helpers shared by the tests.</summary>
internal static class TestAds
{
    public static Ad Valid(string id = "1", Action<Ad>? _ = null) => new()
    {
        Id = id,
        Platform = "meta",
        PageId = "p1",
        PageName = "Page One",
        Byline = "Citizens for Testing",
        CreativeBodies = ["Vote for better schools"],
        Currency = "EUR",
        Spend = new Bounds(100, 199),
        Impressions = new Bounds(1000, 1999),
        Languages = ["en"],
        ReachedCountries = ["DE"],
        DeliveryStart = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
        DeliveryStop = new DateTimeOffset(2026, 1, 10, 0, 0, 0, TimeSpan.Zero),
    };

    public static async Task<List<AdImportItem>> ImportAsync(Stream stream, AdImportOptions? options = null)
    {
        var items = new List<AdImportItem>();
        await foreach (var item in new AdImporter().ImportAsync(stream, options ?? new AdImportOptions()))
        {
            items.Add(item);
        }

        return items;
    }

    public static Task<List<AdImportItem>> ImportTextAsync(string text, AdImportOptions? options = null) =>
        ImportAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), options);

    public static Task<List<AdImportItem>> ImportFileAsync(string name, AdImportOptions? options = null)
    {
        var path = Vigil.Testing.SharedData.Path("ads", name);
        Assert.True(File.Exists(path), $"Shared ad data file missing: {path}");
        return ImportAsync(File.OpenRead(path), options);
    }
}
