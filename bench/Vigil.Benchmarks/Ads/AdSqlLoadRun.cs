using System.Diagnostics;
using System.Globalization;
using Vigil.Ads.Search;
using Vigil.Ads.Synthetic;
using Vigil.Storage.Ads;
using Vigil.Storage.Database;

namespace Vigil.Benchmarks.Ads;

/// <summary>
/// <c>ads-sql [--ads N] [--db FILE | --postgres CONN] [--runs R]</c>: the SQL ad archive at scale with a stopwatch, for sizes
/// where BenchmarkDotNet's setup (loading a million ads per benchmark) is too slow. Loads the generated archive in batches of
/// 1,000 (ads per second overall and over the last tenth) unless the database already holds it, then runs each search R times
/// after a warm-up and prints the median and 95th percentile, and the rate of streaming matches (the export's source).
/// </summary>
internal static class AdSqlLoadRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = NamedArguments.Int(args, "--ads", 1_000_000);
        var runs = NamedArguments.Int(args, "--runs", 30);
        var postgres = NamedArguments.Value(args, "--postgres");
        var file = NamedArguments.Value(args, "--db") ?? Path.Combine(Path.GetTempPath(), $"vigil-ads-{count}.db");
        var options = postgres is not null ? StorageOptions.ForPostgres(postgres) : StorageOptions.ForSqliteFile(file);
        await using var database = new VigilDatabase(options);
        await database.MigrateAsync(SchemaMigrations.All);
        var archive = new SqlAdArchive(database);
        var existing = await archive.CountAsync(CancellationToken.None);
        Console.WriteLine($"{(postgres is null ? "SQLite " + file : "PostgreSQL")}: {existing:N0} ads");
        if (existing < count)
        {
            await LoadAsync(archive, count, existing);
        }

        var now = AdBenchData.Now;
        (string Name, AdsArchiveQuery Query)[] queries =
        [
            ("keyword + country, platform, date", new AdsArchiveQuery
            {
                SearchTerms = "climate future", ReachedCountries = ["US"], ActiveStatus = ActiveStatus.All, PublisherPlatforms = ["INSTAGRAM"],
                DeliveryDateMin = new DateOnly(2025, 1, 1),
            }),
            ("exact phrase + country", new AdsArchiveQuery { SearchTerms = "every voice", SearchType = SearchType.KeywordExactPhrase, ActiveStatus = ActiveStatus.All, ReachedCountries = ["GB"] }),
            ("rare keywords, active, language", new AdsArchiveQuery { SearchTerms = "gospodarka wybory", ActiveStatus = ActiveStatus.Active, Languages = ["pl"] }),
            ("filters only (inactive, country, region, audience)", new AdsArchiveQuery { ActiveStatus = ActiveStatus.Inactive, ReachedCountries = ["CZ"], Regions = ["Zlín Region"], AudienceSizeMin = 1_000_000 }),
            ("two countries + language, no keyword", new AdsArchiveQuery { ActiveStatus = ActiveStatus.All, ReachedCountries = ["DE", "FR"], Languages = ["de"] }),
            ("common keyword only", new AdsArchiveQuery { SearchTerms = "vote", ActiveStatus = ActiveStatus.All }),
            ("first page, no filter", new AdsArchiveQuery { ActiveStatus = ActiveStatus.All }),
            ("sort=spend_desc + country", new AdsArchiveQuery { ActiveStatus = ActiveStatus.All, ReachedCountries = ["IT"], Sort = AdSort.Spend }),
            ("sort=spend_desc, second page", await SecondPageAsync(archive, new AdsArchiveQuery { ActiveStatus = ActiveStatus.All, Sort = AdSort.Spend }, now)),
        ];

        foreach (var (name, query) in queries)
        {
            for (var i = 0; i < 3; i++)
            {
                await archive.SearchAsync(query, now, CancellationToken.None);
            }

            var times = new double[runs];
            var found = 0;
            for (var i = 0; i < runs; i++)
            {
                var watch = Stopwatch.StartNew();
                var page = await archive.SearchAsync(query, now, CancellationToken.None);
                times[i] = watch.Elapsed.TotalMilliseconds;
                found = page.Ads.Count;
            }

            Array.Sort(times);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-52} median {times[runs / 2],8:0.0} ms  p95 {times[(int)Math.Ceiling(runs * 0.95) - 1],8:0.0} ms  ({found} ads)"));
        }

        var stream = Stopwatch.StartNew();
        var streamed = 0;
        await foreach (var _ in archive.StreamAsync(new AdsArchiveQuery { ActiveStatus = ActiveStatus.All }, now, CancellationToken.None))
        {
            if (++streamed == 200_000)
            {
                break;
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stream {streamed:N0} ads: {streamed / stream.Elapsed.TotalSeconds:N0} ads/s"));
        return 0;
    }

    private static async Task LoadAsync(SqlAdArchive archive, int count, long existing)
    {
        var generator = new SyntheticAdGenerator(new SyntheticAdOptions { Ads = count, Advertisers = Math.Min(50_000, Math.Max(100, count / 20)), Now = AdBenchData.Now });
        var total = Stopwatch.StartNew();
        var tail = new Stopwatch();
        var loaded = 0L;
        var tenth = count - (count / 10);
        var saving = new Stopwatch();
        foreach (var batch in generator.Ads().Skip((int)existing).Chunk(1000))
        {
            if (loaded + existing >= tenth && !tail.IsRunning)
            {
                tail.Start();
            }

            saving.Start();
            await archive.SaveManyAsync(batch, CancellationToken.None);
            saving.Stop();
            loaded += batch.Length;
            if (loaded % 100_000 == 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {loaded + existing:N0} ads, {loaded / total.Elapsed.TotalSeconds:N0} ads/s so far"));
            }
        }

        var tailAds = (loaded + existing) - tenth;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ingest {loaded:N0} ads: {loaded / total.Elapsed.TotalSeconds:N0} ads/s overall, {tailAds / Math.Max(0.001, tail.Elapsed.TotalSeconds):N0} ads/s over the last tenth; " +
            $"{loaded / saving.Elapsed.TotalSeconds:N0} ads/s in SaveManyAsync alone (the rest is generating the ads)"));
    }

    private static async Task<AdsArchiveQuery> SecondPageAsync(SqlAdArchive archive, AdsArchiveQuery query, DateTimeOffset now)
    {
        var first = await archive.SearchAsync(query, now, CancellationToken.None);
        return query with { After = first.After };
    }
}
