using System.Globalization;
using System.Text;
using Vigil.Detection.Activities;

namespace Vigil.Detection.Synthetic;

/// <summary>
/// Generates realistic-looking activity with ground truth: organic accounts whose activity is
/// heavy-tailed (Zipf-like), who post unique text, reshare and link popular items at random times
/// and join trending items in bursts; plus planted coordinated networks that act together within
/// seconds in one of several styles, with noise (skipped actions, slower reactions, cover posts).
/// </summary>
public sealed class ActivityGenerator(GeneratorOptions options)
{
    private const long Start = 1_704_067_200; // 2024-01-01T00:00:00Z
    private static readonly string[] Names = ["anna", "mark", "olga", "ivan", "kate", "john", "mary", "alex", "nina", "paul", "lena", "mike"];

    public GeneratedActivity Generate()
    {
        var random = new Random(options.Seed);
        var words = Vocabulary(random, 5000);
        var span = options.Days * 86400L;
        var builder = new ActivityTableBuilder(options.OrganicActivities + (options.TrendingItems * options.TrendingSharesPerItem) + 16);
        var ids = new IdCounter();

        // Organic accounts: activity weight ~ 1 / rank^0.8, created over the past five years.
        var organic = new string[options.OrganicAccounts];
        var created = new long[options.OrganicAccounts];
        var cumulative = new double[options.OrganicAccounts];
        double total = 0;
        for (var i = 0; i < organic.Length; i++)
        {
            organic[i] = "u" + i.ToString(CultureInfo.InvariantCulture);
            created[i] = Start - (long)(random.NextDouble() * 5 * 365 * 86400);
            total += 1 / Math.Pow(i + 1, 0.8);
            cumulative[i] = total;
        }

        int PickOrganic()
        {
            var i = Array.BinarySearch(cumulative, random.NextDouble() * total);
            return Math.Min(i < 0 ? ~i : i, organic.Length - 1);
        }

        var popularPosts = 20_000;
        var popularUrls = 5_000;
        var tags = 800;
        for (var n = 0; n < options.OrganicActivities; n++)
        {
            var a = PickOrganic();
            var time = Start + (long)(random.NextDouble() * span);
            Emit(builder, ids, organic[a], Handle(organic[a], a), created[a], time, OrganicContent(random, words, popularPosts, popularUrls, tags));
        }

        // Trending items: a burst of shares by many organic accounts, decaying over about an hour.
        var crowd = new HashSet<string>(StringComparer.Ordinal);
        for (var t = 0; t < options.TrendingItems; t++)
        {
            var burst = Start + (long)(random.NextDouble() * (span - 7200));
            var isLink = t % 2 == 1;
            var item = isLink ? $"https://news{t % 7}.example.com/trending/{t}" : $"trend-{t}";
            for (var s = 0; s < options.TrendingSharesPerItem; s++)
            {
                var a = PickOrganic();
                crowd.Add(organic[a]);
                var time = burst + (long)(-Math.Log(1 - random.NextDouble()) * 1800);
                var content = isLink
                    ? new Content(ActivityKind.Post, RandomText(random, words, 12), null, [item], Tags(random, tags, 1), null)
                    : new Content(ActivityKind.Reshare, null, item, null, null, null);
                Emit(builder, ids, organic[a], Handle(organic[a], a), created[a], time, content);
            }
        }

        var networks = new List<(PlantedNetwork, IReadOnlyList<string>)>();
        for (var n = 0; n < options.Networks.Count; n++)
        {
            networks.Add((options.Networks[n], Plant(builder, random, ids, words, n, options.Networks[n], span, popularPosts, tags)));
        }

        return new GeneratedActivity(builder.Build(), new GroundTruth { Networks = networks, TrendingCrowd = crowd });
    }

    private List<string> Plant(
        ActivityTableBuilder builder, Random random, IdCounter ids, string[] words, int index, PlantedNetwork network, long span, int popularPosts, int tags)
    {
        var noise = Math.Clamp(options.Noise, 0, 1);
        var participation = 0.9 - (0.4 * noise);
        var meanDelay = 8 + (60 * noise);
        var cover = 20 + (int)(200 * noise);
        var burstDay = Start - ((30 + (index * 17)) * 86400L);
        var members = new List<string>(network.Size);
        for (var m = 0; m < network.Size; m++)
        {
            members.Add($"n{index}-{m}");
        }

        string MemberHandle(int m) => index % 2 == 0
            ? Names[m % Names.Length] + random.Next(10_000, 99_999_999).ToString(CultureInfo.InvariantCulture)
            : "voice_of_" + Names[m % Names.Length] + "_" + (char)('a' + (m % 26));

        var handles = members.Select((_, m) => MemberHandle(m)).ToArray();
        var createdAt = members.Select(_ => burstDay + random.Next(0, 86400)).ToArray();
        var networkTags = Enumerable.Range(0, 6).Select(i => $"op{index}tag{i}").ToArray();
        for (var k = 0; k < network.Actions; k++)
        {
            var time = Start + (long)(random.NextDouble() * (span - 3600));
            var style = network.Style == NetworkStyle.Mixed ? (NetworkStyle)(k % 5) : network.Style;
            var target = random.Next(2) == 0 ? $"n{index}-post-{k}" : "p" + random.Next(popularPosts).ToString(CultureInfo.InvariantCulture);
            var url = $"https://outlet{index}.example.org/story/{k}?utm_source=net{random.Next(3)}";
            var hashtagSequence = new[] { networkTags[k % 6], networkTags[(k + 1) % 6], networkTags[(k + 3) % 6] };
            var text = RandomText(random, words, 20);
            var media = RandomPdq(random);
            for (var m = 0; m < members.Count; m++)
            {
                if (random.NextDouble() > participation)
                {
                    continue;
                }

                var at = time + (long)(-Math.Log(1 - random.NextDouble()) * meanDelay);
                var content = style switch
                {
                    NetworkStyle.Reshare => new Content(ActivityKind.Reshare, null, target, null, null, null),
                    NetworkStyle.Link => new Content(ActivityKind.Post, RandomText(random, words, 10), null, [url], null, null),
                    NetworkStyle.CopyPasta => new Content(ActivityKind.Post, Vary(random, words, text), null, null, null, null),
                    NetworkStyle.Hashtag => new Content(ActivityKind.Post, RandomText(random, words, 8), null, null, hashtagSequence, null),
                    _ => new Content(ActivityKind.Post, RandomText(random, words, 6), null, null, null, [FlipBits(random, media, 3)]),
                };
                Emit(builder, ids, members[m], handles[m], createdAt[m], at, content);
            }
        }

        for (var m = 0; m < members.Count; m++)
        {
            for (var c = 0; c < cover; c++)
            {
                Emit(builder, ids, members[m], handles[m], createdAt[m], Start + (long)(random.NextDouble() * span),
                    OrganicContent(random, words, popularPosts, 5_000, tags));
            }
        }

        return members;
    }

    private Content OrganicContent(Random random, string[] words, int popularPosts, int popularUrls, int tags)
    {
        var roll = random.NextDouble();
        if (roll < 0.3)
        {
            return new Content(ActivityKind.Reshare, null, "p" + Zipf(random, popularPosts).ToString(CultureInfo.InvariantCulture), null, null, null);
        }

        if (roll < 0.35)
        {
            return new Content(ActivityKind.Reply, options.WithText ? RandomText(random, words, 8) : null,
                "p" + Zipf(random, popularPosts).ToString(CultureInfo.InvariantCulture), null, null, null);
        }

        var urls = random.NextDouble() < 0.2 ? new[] { $"https://site{Zipf(random, 300)}.example.net/a/{Zipf(random, popularUrls)}" } : null;
        // Pictures: mostly one-off, some memes that circulate widely.
        var media = random.NextDouble() < 0.1 ? new[] { MemeOrPhoto(random) } : null;
        return new Content(ActivityKind.Post, options.WithText ? RandomText(random, words, 8 + random.Next(12)) : null, null, urls, Tags(random, tags, random.Next(3)), media);
    }

    private static void Emit(
        ActivityTableBuilder builder, IdCounter ids, string account, string handle, long created, long time, Content content)
    {
        builder.Add(new ActivityRecord
        {
            Platform = "synthetic",
            ActivityId = "a" + ids.Next().ToString(CultureInfo.InvariantCulture),
            AccountId = account,
            AccountHandle = handle,
            AccountCreatedAt = created,
            Timestamp = time,
            Kind = content.Kind,
            Text = content.Text,
            ReferencedId = content.Reference,
            Urls = content.Urls,
            Hashtags = content.Hashtags,
            MediaHashes = content.Media,
        });
    }

    private static string Handle(string id, int index) => id + "_" + Names[index % Names.Length];

    private static int Zipf(Random random, int n) => (int)Math.Min(n - 1, Math.Floor(Math.Pow(n + 1, random.NextDouble()) - 1));

    private static string[]? Tags(Random random, int tags, int count)
    {
        if (count == 0)
        {
            return null;
        }

        var result = new string[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = "tag" + Zipf(random, tags).ToString(CultureInfo.InvariantCulture);
        }

        return result;
    }

    private static string[] Vocabulary(Random random, int size)
    {
        var words = new string[size];
        for (var i = 0; i < size; i++)
        {
            var length = 3 + random.Next(7);
            var chars = new char[length];
            for (var c = 0; c < length; c++)
            {
                chars[c] = (char)('a' + random.Next(26));
            }

            words[i] = new string(chars);
        }

        return words;
    }

    private static string RandomText(Random random, string[] words, int count)
    {
        var builder = new StringBuilder(count * 8);
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                builder.Append(' ');
            }

            builder.Append(words[Zipf(random, words.Length)]);
        }

        return builder.ToString();
    }

    /// <summary>A copy with, half the time, one word added at the end: still a near-duplicate.</summary>
    private static string Vary(Random random, string[] words, string text) =>
        random.Next(2) == 0 ? text : text + " " + words[random.Next(words.Length)];

    private static string MemeOrPhoto(Random random)
    {
        if (random.Next(3) == 0)
        {
            var meme = (ulong)Zipf(random, 2000);
            return string.Concat(Enumerable.Range(0, 4).Select(i => (meme * 0x9E3779B97F4A7C15UL * (ulong)(i + 1)).ToString("x16", CultureInfo.InvariantCulture)));
        }

        return string.Concat(RandomPdq(random).Select(w => w.ToString("x16", CultureInfo.InvariantCulture)));
    }

    private static ulong[] RandomPdq(Random random) => [(ulong)random.NextInt64(), (ulong)random.NextInt64(), (ulong)random.NextInt64(), (ulong)random.NextInt64()];

    private static string FlipBits(Random random, ulong[] hash, int bits)
    {
        var copy = (ulong[])hash.Clone();
        for (var b = 0; b < bits; b++)
        {
            var bit = random.Next(256);
            copy[bit / 64] ^= 1UL << (bit % 64);
        }

        return string.Concat(copy.Select(w => w.ToString("x16", CultureInfo.InvariantCulture)));
    }

    private sealed record Content(ActivityKind Kind, string? Text, string? Reference, string[]? Urls, string[]? Hashtags, string[]? Media);

    private sealed class IdCounter
    {
        private long _next;

        public long Next() => _next++;
    }
}
