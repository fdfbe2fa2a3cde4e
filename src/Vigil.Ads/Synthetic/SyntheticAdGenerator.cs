using Vigil.Ads.Advertisers;
using Vigil.Ads.Model;

namespace Vigil.Ads.Synthetic;

/// <summary>
/// Deterministic synthetic archive for the demo and benchmarks: advertisers with pages on several platforms, ads skewed toward
/// heavy spenders (a few advertisers place most ads, as in real archives), text in seven languages built from topic and campaign
/// vocabularies, Meta-style spend and impression buckets (Snapchat exact), demographic shares summing to 1, partial regional
/// shares. Nothing here describes real people or organisations.
/// </summary>
public sealed class SyntheticAdGenerator
{
    private static readonly string[] Topics = ["economy", "health", "immigration", "climate", "education", "security", "housing", "energy", "elections", "transport"];

    private static readonly (string Code, string[] Words, string[] TopicWords)[] Languages =
    [
        ("en", ["vote", "together", "future", "our", "community", "families", "jobs", "change", "stand", "support", "today", "local", "fair", "strong", "safe", "every", "voice", "matters", "join", "plan", "better", "schools", "neighbours", "town", "hall", "register", "polling", "day"],
            ["economy", "healthcare", "immigration", "climate", "education", "police", "rent", "energy", "ballot", "trains"]),
        ("de", ["wählen", "gemeinsam", "zukunft", "unsere", "gemeinde", "familien", "arbeit", "wandel", "stark", "heute", "sicher", "jede", "stimme", "zählt", "plan", "besser", "schulen", "nachbarn", "wahltag", "für", "alle"],
            ["wirtschaft", "gesundheit", "migration", "klima", "bildung", "sicherheit", "mieten", "energie", "wahlen", "bahn"]),
        ("fr", ["voter", "ensemble", "avenir", "notre", "commune", "familles", "emploi", "changement", "fort", "aujourd", "hui", "sûr", "chaque", "voix", "compte", "projet", "meilleur", "écoles", "voisins", "scrutin", "pour", "tous"],
            ["économie", "santé", "immigration", "climat", "éducation", "sécurité", "logement", "énergie", "élections", "transports"]),
        ("es", ["votar", "juntos", "futuro", "nuestra", "comunidad", "familias", "empleo", "cambio", "fuerte", "hoy", "seguro", "cada", "voz", "cuenta", "plan", "mejor", "escuelas", "vecinos", "elecciones", "para", "todos"],
            ["economía", "sanidad", "inmigración", "clima", "educación", "seguridad", "vivienda", "energía", "urnas", "transporte"]),
        ("pl", ["głosuj", "razem", "przyszłość", "nasza", "wspólnota", "rodziny", "praca", "zmiana", "silna", "dziś", "bezpieczna", "każdy", "głos", "liczy", "plan", "lepsze", "szkoły", "sąsiedzi", "wybory", "dla", "wszystkich"],
            ["gospodarka", "zdrowie", "migracja", "klimat", "edukacja", "bezpieczeństwo", "mieszkania", "energia", "wybory", "kolej"]),
        ("cs", ["volte", "společně", "budoucnost", "naše", "obec", "rodiny", "práce", "změna", "silná", "dnes", "bezpečná", "každý", "hlas", "počítá", "plán", "lepší", "školy", "sousedé", "volby", "pro", "všechny"],
            ["ekonomika", "zdraví", "migrace", "klima", "vzdělání", "bezpečnost", "bydlení", "energie", "volby", "doprava"]),
        ("it", ["vota", "insieme", "futuro", "nostra", "comunità", "famiglie", "lavoro", "cambiamento", "forte", "oggi", "sicura", "ogni", "voce", "conta", "piano", "migliore", "scuole", "vicini", "elezioni", "per", "tutti"],
            ["economia", "salute", "immigrazione", "clima", "istruzione", "sicurezza", "casa", "energia", "elezioni", "trasporti"]),
    ];

    private static readonly (string Country, string Language, string Currency, string[] Regions)[] Markets =
    [
        ("US", "en", "USD", ["California", "Texas", "Florida", "New York", "Pennsylvania", "Ohio", "Georgia", "Michigan"]),
        ("GB", "en", "GBP", ["England", "Scotland", "Wales", "Northern Ireland"]),
        ("DE", "de", "EUR", ["Bayern", "Berlin", "Hamburg", "Hessen", "Sachsen", "Nordrhein-Westfalen"]),
        ("FR", "fr", "EUR", ["Île-de-France", "Occitanie", "Bretagne", "Normandie", "Grand Est"]),
        ("ES", "es", "EUR", ["Madrid", "Cataluña", "Andalucía", "Galicia", "Valencia"]),
        ("PL", "pl", "PLN", ["Mazowieckie", "Małopolskie", "Śląskie", "Pomorskie"]),
        ("CZ", "cs", "CZK", ["Prague", "South Moravian Region", "Central Bohemian Region", "Zlín Region"]),
        ("IT", "it", "EUR", ["Lombardia", "Lazio", "Campania", "Sicilia", "Veneto"]),
    ];

    private static readonly string[] NameParts = ["Citizens", "Alliance", "Forward", "Future", "Green", "Liberty", "Common", "United", "Civic", "Progress", "Heritage", "People's", "Renewal", "Action", "Unity", "Reform"];
    private static readonly string[] NameKinds = ["Party", "Committee", "Association", "Movement", "Coalition", "Campaign", "Foundation", "Network"];
    private static readonly string[] Ages = ["13-17", "18-24", "25-34", "35-44", "45-54", "55-64", "65+"];
    private static readonly string[] Genders = ["female", "male", "unknown"];
    private static readonly long[] SpendBuckets = [0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 1500, 2000, 2500, 3000, 3500, 4000, 4500, 5000, 10000, 15000, 20000, 25000, 30000, 35000, 40000, 45000, 50000, 60000, 70000, 80000, 90000, 100000];
    private static readonly long[] ImpressionBuckets = [0, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10000, 15000, 20000, 25000, 30000, 35000, 40000, 45000, 50000, 60000, 70000, 80000, 90000, 100000, 125000, 150000, 175000, 200000, 250000, 300000, 350000, 400000, 450000, 500000, 600000, 700000, 800000, 900000, 1000000];
    private static readonly long[] AudienceBuckets = [1000, 5000, 10000, 50000, 100000, 500000, 1000000];

    private readonly SyntheticAdOptions _options;
    private readonly Advertiser[] _advertisers;
    private readonly int[] _market;

    public SyntheticAdGenerator(SyntheticAdOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        var random = new Random(options.Seed);
        _advertisers = new Advertiser[options.Advertisers];
        _market = new int[options.Advertisers];
        for (var i = 0; i < _advertisers.Length; i++)
        {
            var market = random.Next(Markets.Length);
            _market[i] = market;
            var name = $"{NameParts[random.Next(NameParts.Length)]} {NameParts[random.Next(NameParts.Length)]} {NameKinds[random.Next(NameKinds.Length)]} {i}";
            var pages = 1 + random.Next(3);
            var accounts = new PlatformAccount[pages];
            for (var p = 0; p < pages; p++)
            {
                var platform = p == 0 ? "meta" : random.Next(2) == 0 ? "snapchat" : "youtube";
                accounts[p] = new PlatformAccount(platform, (100_000_000_000L + (i * 4L) + p).ToString(System.Globalization.CultureInfo.InvariantCulture), p == 0 ? name : $"{name} ({platform})");
            }

            _advertisers[i] = new Advertiser
            {
                Id = "adv-" + i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture),
                LegalName = name,
                Country = Markets[market].Country,
                Disclaimer = "Paid for by " + name,
                Accounts = accounts,
                Verification = random.Next(20) == 0 ? VerificationState.Submitted : VerificationState.Verified,
            };
        }
    }

    public IReadOnlyList<Advertiser> Advertisers => _advertisers;

    /// <summary>The ads, generated lazily in a fixed order.</summary>
    public IEnumerable<Ad> Ads()
    {
        var random = new Random(_options.Seed + 1);
        var first = _options.Now.AddYears(-3);
        var spanDays = (_options.Now - first).TotalDays;
        for (var i = 0; i < _options.Ads; i++)
        {
            // Square of a uniform draw: low indexes (heavy advertisers) get most ads.
            var u = random.NextDouble();
            var a = (int)(u * u * _advertisers.Length);
            var advertiser = _advertisers[a];
            var (country, language, currency, regions) = Markets[_market[a]];
            var (code, words, topicWords) = random.Next(10) == 0 ? Languages[random.Next(Languages.Length)] : Languages.First(l => l.Code == language);
            var topic = random.Next(Topics.Length);
            var account = advertiser.Accounts[random.Next(advertiser.Accounts.Count)];
            var start = first.AddDays(Math.Floor(random.NextDouble() * spanDays));
            DateTimeOffset? stop = random.Next(10) == 0 ? null : start.AddDays(1 + random.Next(60));
            if (stop > _options.Now)
            {
                stop = null;
            }

            var exact = account.Platform == "snapchat";
            var spendAt = Math.Min(SpendBuckets.Length - 2, (int)(Math.Pow(random.NextDouble(), 3) * SpendBuckets.Length));
            var impAt = Math.Min(ImpressionBuckets.Length - 2, spendAt + random.Next(6));
            var audienceAt = random.Next(AudienceBuckets.Length);
            yield return new Ad
            {
                Id = (1_000_000_000_000L + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Platform = account.Platform,
                AdvertiserId = advertiser.Id,
                PageId = account.AccountId,
                PageName = account.Name,
                Byline = advertiser.Disclaimer["Paid for by ".Length..],
                CreativeBodies = [Sentence(random, words, topicWords[topic], 12 + random.Next(28))],
                LinkTitles = random.Next(3) == 0 ? [] : [Sentence(random, words, topicWords[topic], 4 + random.Next(5))],
                LandingUrls = [$"https://www.example-campaign-{a}.org/{Topics[topic]}"],
                Languages = [code],
                PublisherPlatforms = account.Platform switch
                {
                    "snapchat" => ["SNAPCHAT"],
                    "youtube" => ["YOUTUBE"],
                    _ => random.Next(2) == 0 ? ["FACEBOOK", "INSTAGRAM"] : ["FACEBOOK"],
                },
                ReachedCountries = [country],
                CreatedAt = start.AddDays(-random.Next(3)),
                DeliveryStart = start,
                DeliveryStop = stop,
                Currency = currency,
                Spend = exact ? Bounds.Exact(SpendBuckets[spendAt] + random.Next(100)) : new Bounds(SpendBuckets[spendAt], SpendBuckets[spendAt + 1] - 1),
                Impressions = exact ? Bounds.Exact(ImpressionBuckets[impAt] + random.Next(1000)) : new Bounds(ImpressionBuckets[impAt], ImpressionBuckets[impAt + 1] - 1),
                EstimatedAudienceSize = audienceAt == AudienceBuckets.Length - 1
                    ? new Bounds(AudienceBuckets[audienceAt], null)
                    : new Bounds(AudienceBuckets[audienceAt], AudienceBuckets[audienceAt + 1] - 1),
                Demographics = exact ? [] : Demographics(random),
                Regions = Regions(random, regions),
                Topics = [Topics[topic]],
            };
        }
    }

    private static string Sentence(Random random, string[] words, string topicWord, int length)
    {
        var parts = new string[length];
        var topicAt = random.Next(length);
        for (var w = 0; w < length; w++)
        {
            parts[w] = w == topicAt ? topicWord : words[random.Next(words.Length)];
        }

        parts[0] = char.ToUpperInvariant(parts[0][0]) + parts[0][1..];
        return string.Join(' ', parts) + ".";
    }

    private static DemographicShare[] Demographics(Random random)
    {
        var raw = new double[Ages.Length * 2];
        var sum = 0.0;
        for (var i = 0; i < raw.Length; i++)
        {
            raw[i] = i % Ages.Length == 0 ? 0 : random.NextDouble();
            sum += raw[i];
        }

        var list = new List<DemographicShare>(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] > 0)
            {
                list.Add(new DemographicShare(Ages[i % Ages.Length], Genders[i / Ages.Length], Math.Round(raw[i] / sum, 6)));
            }
        }

        return [.. list];
    }

    private static RegionShare[] Regions(Random random, string[] regions)
    {
        var take = 1 + random.Next(regions.Length);
        var raw = new double[take];
        var sum = 0.0;
        for (var i = 0; i < take; i++)
        {
            raw[i] = random.NextDouble() + 0.05;
            sum += raw[i];
        }

        // Some impressions fall outside the listed regions, as in real files.
        var kept = 0.85 + (random.NextDouble() * 0.15);
        var shares = new RegionShare[take];
        for (var i = 0; i < take; i++)
        {
            shares[i] = new RegionShare(regions[i], Math.Round(raw[i] / sum * kept, 6));
        }

        return shares;
    }
}
