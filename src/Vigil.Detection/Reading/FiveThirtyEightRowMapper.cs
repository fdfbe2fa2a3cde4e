using Vigil.Detection.Activities;

namespace Vigil.Detection.Reading;

/// <summary>
/// FiveThirtyEight's IRA tweets CSV (external_author_id, author, content, region, language,
/// publish_date, following, followers, post_type, retweet, tweet_id, article_url, tco1_step1...).
/// The file carries no id of a retweeted post, so a reshare's original is its normalized text;
/// accounts are external_author_id when present, else the author handle.
/// </summary>
internal sealed class FiveThirtyEightRowMapper(HeaderIndex header) : IRowMapper
{
    private readonly int _authorId = header.Find("external_author_id");
    private readonly int _author = header.Find("author");
    private readonly int _content = header.Find("content");
    private readonly int _region = header.Find("region");
    private readonly int _language = header.Find("language");
    private readonly int _published = header.Find("publish_date");
    private readonly int _followers = header.Find("followers");
    private readonly int _postType = header.Find("post_type");
    private readonly int _retweet = header.Find("retweet");
    private readonly int _tweetId = header.Find("tweet_id");
    private readonly int[] _links = [header.Find("tco1_step1"), header.Find("tco2_step1"), header.Find("tco3_step1")];

    public bool TryMap(IReadOnlyList<string?> fields, long line, RowIssueLog log, out ActivityRecord record)
    {
        record = default;
        var handle = HeaderIndex.Get(fields, _author);
        var account = HeaderIndex.Get(fields, _authorId) ?? handle;
        var ok = true;
        if (account is null)
        {
            log.Report(line, "author", "missing account (neither external_author_id nor author)");
            ok = false;
        }

        ok &= FieldParsing.RequireTime(HeaderIndex.Get(fields, _published), "publish_date", line, log, out var time);
        if (!ok)
        {
            return false;
        }

        var text = HeaderIndex.Get(fields, _content);
        var postType = HeaderIndex.Get(fields, _postType);
        var kind = postType switch
        {
            "RETWEET" => ActivityKind.Reshare,
            "QUOTE_TWEET" => ActivityKind.Quote,
            _ when FieldParsing.IsTrue(HeaderIndex.Get(fields, _retweet)) => ActivityKind.Reshare,
            _ => ActivityKind.Post,
        };
        List<string>? urls = null;
        foreach (var column in _links)
        {
            if (HeaderIndex.Get(fields, column) is { } link)
            {
                (urls ??= []).Add(link);
            }
        }

        record = new ActivityRecord
        {
            Platform = "twitter",
            ActivityId = HeaderIndex.Get(fields, _tweetId),
            AccountId = account!,
            AccountHandle = handle,
            AccountLocation = HeaderIndex.Get(fields, _region),
            Followers = FieldParsing.OptionalInt(HeaderIndex.Get(fields, _followers), "followers", line, log),
            Timestamp = time,
            Kind = kind,
            Text = text,
            Language = HeaderIndex.Get(fields, _language),
            Urls = urls,
            Hashtags = FieldParsing.Tokens(text, '#'),
            Mentions = FieldParsing.Tokens(text, '@'),
            ReferencedId = kind == ActivityKind.Reshare && text is not null ? "text:" + TextNormalizer.Normalize(text) : null,
        };
        return true;
    }
}
