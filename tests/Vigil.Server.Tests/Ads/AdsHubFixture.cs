using Microsoft.Extensions.DependencyInjection;
using Vigil.Ads.Import;
using Vigil.Ads.Model;
using Vigil.Ads.Search;
using Vigil.Server.Ads;
using Vigil.Server.Tests.Infrastructure;
using Vigil.Storage.Ads;
using Vigil.Testing;

namespace Vigil.Server.Tests.Ads;

/// <summary>
/// A hub whose ad archive holds the three published files of shared/data/ads, loaded through <see cref="AdFileLoader"/> as
/// <c>vigil ads import</c> does, and an in-memory archive with the same ads as the oracle for what the endpoints answer.
/// </summary>
public sealed class AdsHubFixture : IAsyncLifetime
{
    public static readonly (string File, string[] Countries)[] Files =
    [
        ("meta-adlib-cz-2023.csv", ["CZ"]),
        ("snap-political-ads-2018.csv", []),
        ("meta-adlib-api-response-v5.json", ["US"]),
    ];

    private TestHub? _hub;

    public TestHub Hub => _hub ?? throw new InvalidOperationException("The hub has not started.");

    public InMemoryAdArchive Oracle { get; } = new();

    public List<Ad> Ads { get; } = [];

    public List<AdFileLoadSummary> Summaries { get; } = [];

    public static string PathOf(string file)
    {
        var path = SharedData.Path("ads", file);
        Assert.True(File.Exists(path), $"Shared ad data file missing: {path}");
        return path;
    }

    public async Task InitializeAsync()
    {
        _hub = await TestHub.StartAsync();
        var archive = _hub.Services.GetRequiredService<SqlAdArchive>();
        foreach (var (file, countries) in Files)
        {
            var options = new AdImportOptions { ReachedCountries = countries };
            Summaries.Add(await AdFileLoader.LoadAsync(archive, PathOf(file), options, progress: null, CancellationToken.None));
            await using var stream = File.OpenRead(PathOf(file));
            await foreach (var item in new AdImporter().ImportAsync(stream, options))
            {
                Ads.Add(item.Ad!);
                Oracle.Save(item.Ad!);
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (_hub is not null)
        {
            await _hub.DisposeAsync();
        }
    }
}
