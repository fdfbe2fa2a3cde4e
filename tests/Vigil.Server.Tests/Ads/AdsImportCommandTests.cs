using System.CommandLine;
using Microsoft.Extensions.Logging.Abstractions;
using Vigil.Ads.Search;
using Vigil.Cli.Ads;
using Vigil.Server.Ads;
using Vigil.Server.Hosting;
using Vigil.Server.Tests.Infrastructure;
using Vigil.Storage.Ads;
using Vigil.Storage.Database;

namespace Vigil.Server.Tests.Ads;

/// <summary><c>vigil ads import</c> run in-process against a fresh data directory, and the demo's loading of the same files.</summary>
public sealed class AdsImportCommandTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("vigil-ads-");

    private string DataDir => Path.Combine(_directory.FullName, "data");

    private static async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var console = PlainConsole.Create(output, width: 250);
        var root = new RootCommand { new Command("ads") { AdsImportCommand.Create(console) } };
        var code = await root.Parse(["ads", "import", .. args]).InvokeAsync();
        return (code, output.ToString());
    }

    private async Task<long> CountAsync()
    {
        await using var database = new VigilDatabase(StorageOptions.ForSqliteFile(Path.Combine(DataDir, "vigil.db")));
        return await new SqlAdArchive(database).CountAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Imports_the_meta_csv_into_the_hubs_database_and_a_second_import_finds_every_ad_unchanged()
    {
        var file = AdsHubFixture.PathOf("meta-adlib-cz-2023.csv");

        var (code, output) = await RunAsync(file, "--data-dir", DataDir, "--reached-countries", "cz");
        Assert.True(code == 0, output);
        Assert.Matches(@"rows read\s*│\s*667", output);
        Assert.Matches(@"new ads\s*│\s*667", output);
        Assert.Equal(667, await CountAsync());

        (code, output) = await RunAsync(file, "--data-dir", DataDir, "--format", "meta-csv", "--reached-countries", "CZ");
        Assert.True(code == 0, output);
        Assert.Matches(@"new ads\s*│\s*0\b", output);
        Assert.Matches(@"unchanged \(already archived\)\s*│\s*667", output);
        Assert.Equal(667, await CountAsync());
    }

    [Fact]
    public async Task Bad_rows_are_skipped_with_row_field_and_reason_and_the_rest_is_imported()
    {
        var lines = File.ReadLines(AdsHubFixture.PathOf("snap-political-ads-2018.csv")).Take(6).ToList();
        var header = lines[0].Split(',');
        var currency = Array.IndexOf(header, "Currency Code");
        lines[2] = string.Join(',', lines[2].Split(',').Select((cell, i) => i == currency ? "DOLLARS" : cell));
        lines.Insert(4, "deadbeef,only,three");
        var file = Path.Combine(_directory.FullName, "snap-with-bad-rows.csv");
        await File.WriteAllLinesAsync(file, lines);

        var (code, output) = await RunAsync(file, "--data-dir", DataDir);

        Assert.True(code == 0, output);
        Assert.Matches(@"rows read\s*│\s*6", output);
        Assert.Matches(@"imported\s*│\s*4", output);
        Assert.Matches(@"skipped\s*│\s*2", output);
        Assert.Matches(@"│\s*4\s*│\s*5\s*│\s*row\s*│\s*has 3 fields, the header has \d+", output);
        Assert.Contains("DOLLARS", output, StringComparison.Ordinal);
        Assert.Equal(4, await CountAsync());
    }

    [Fact]
    public async Task An_unreadable_file_or_a_bad_country_code_exits_1_with_the_reason()
    {
        var file = Path.Combine(_directory.FullName, "notes.txt");
        await File.WriteAllTextAsync(file, "these are not ads\n");
        var (code, output) = await RunAsync(file, "--data-dir", DataDir);
        Assert.Equal(1, code);
        Assert.Contains("not a recognized ad file header", output, StringComparison.Ordinal);

        (code, output) = await RunAsync(AdsHubFixture.PathOf("meta-adlib-cz-2023.csv"), "--data-dir", DataDir, "--reached-countries", "CZ,Czechia");
        Assert.Equal(1, code);
        Assert.Contains("'CZECHIA' is not an ISO 3166-1 alpha-2 country code", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_loads_every_published_file_once()
    {
        await using var database = new VigilDatabase(StorageOptions.ForSqliteFile(Path.Combine(_directory.FullName, "demo.db")));
        await database.MigrateAsync(SchemaMigrations.All);
        var archive = new SqlAdArchive(database);
        var loader = new AdArchiveDemoLoader(
            new ServerOptions { DataDirectory = _directory.FullName, Urls = "http://127.0.0.1:0", Demo = true },
            new AdArchiveFilesOptions { Directory = Path.GetDirectoryName(AdsHubFixture.PathOf("snap-political-ads-2018.csv")) },
            archive,
            NullLogger<AdArchiveDemoLoader>.Instance);

        await loader.StartAsync(CancellationToken.None);
        await loader.StartAsync(CancellationToken.None);

        Assert.Equal(667 + 659 + 1, await archive.CountAsync(CancellationToken.None));
        var czech = await archive.SearchAsync(new AdsArchiveQuery { ReachedCountries = ["CZ"], ActiveStatus = ActiveStatus.All, Limit = 1000 }, DateTimeOffset.UtcNow, CancellationToken.None);
        Assert.Equal(667, czech.Ads.Count);
        Assert.All(czech.Ads, a => Assert.Equal(1, a.Version));
        var api = await archive.GetAsync("meta", "2487345651520779", CancellationToken.None);
        Assert.Equal(["US"], api!.ReachedCountries);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
    }
}
