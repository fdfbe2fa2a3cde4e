using Vigil.Detection.Activities;

namespace Vigil.Detection.Reading;

/// <summary>
/// The Twitter "information operations" archive CSV (tweetid, userid, user_screen_name,
/// user_reported_location, account_creation_date, follower_count, tweet_language, tweet_text,
/// tweet_time, is_retweet, retweet_tweetid, in_reply_to_tweetid, quoted_tweet_tweetid, hashtags,
/// urls, user_mentions). A retweet without retweet_tweetid is matched by its normalized text.
/// </summary>
internal sealed class TwitterIoRowMapper(HeaderIndex header) : IRowMapper
{
    private readonly int _tweet = header.Find("tweetid");
    private readonly int _user = header.Find("userid");
    private readonly int _handle = header.Find("user_screen_name");
    private readonly int _location = header.Find("user_reported_location");
    private readonly int _created = header.Find("account_creation_date");
    private readonly int _followers = header.Find("follower_count");
    private readonly int _language = header.Find("tweet_language");
    private readonly int _text = header.Find("tweet_text");
    private readonly int _time = header.Find("tweet_time");
    private readonly int _isRetweet = header.Find("is_retweet");
    private readonly int _retweetOf = header.Find("retweet_tweetid");
    private readonly int _replyTo = header.Find("in_reply_to_tweetid");
    private readonly int _quoted = header.Find("quoted_tweet_tweetid");
    private readonly int _hashtags = header.Find("hashtags");
    private readonly int _urls = header.Find("urls");
    private readonly int _mentions = header.Find("user_mentions");

    public bool TryMap(IReadOnlyList<string?> fields, long line, RowIssueLog log, out ActivityRecord record)
    {
        record = default;
        var handle = HeaderIndex.Get(fields, _handle);
        var account = HeaderIndex.Get(fields, _user) ?? handle;
        var ok = true;
        if (account is null)
        {
            log.Report(line, "userid", "missing account (neither userid nor user_screen_name)");
            ok = false;
        }

        ok &= FieldParsing.RequireTime(HeaderIndex.Get(fields, _time), "tweet_time", line, log, out var time);
        if (!ok)
        {
            return false;
        }

        var text = HeaderIndex.Get(fields, _text);
        var retweetOf = HeaderIndex.Get(fields, _retweetOf);
        var replyTo = HeaderIndex.Get(fields, _replyTo);
        var quoted = HeaderIndex.Get(fields, _quoted);
        ActivityKind kind;
        string? reference;
        if (FieldParsing.IsTrue(HeaderIndex.Get(fields, _isRetweet)) || retweetOf is not null)
        {
            kind = ActivityKind.Reshare;
            reference = retweetOf ?? (text is null ? null : "text:" + TextNormalizer.Normalize(text));
        }
        else if (replyTo is not null)
        {
            (kind, reference) = (ActivityKind.Reply, replyTo);
        }
        else if (quoted is not null)
        {
            (kind, reference) = (ActivityKind.Quote, quoted);
        }
        else
        {
            (kind, reference) = (ActivityKind.Post, null);
        }

        record = new ActivityRecord
        {
            Platform = "twitter",
            ActivityId = HeaderIndex.Get(fields, _tweet),
            AccountId = account!,
            AccountHandle = handle,
            AccountLocation = HeaderIndex.Get(fields, _location),
            AccountCreatedAt = FieldParsing.OptionalTime(HeaderIndex.Get(fields, _created), "account_creation_date", line, log),
            Followers = FieldParsing.OptionalInt(HeaderIndex.Get(fields, _followers), "follower_count", line, log),
            Timestamp = time,
            Kind = kind,
            Text = text,
            Language = HeaderIndex.Get(fields, _language),
            Urls = ListField.Parse(HeaderIndex.Get(fields, _urls)),
            Hashtags = ListField.Parse(HeaderIndex.Get(fields, _hashtags)),
            Mentions = ListField.Parse(HeaderIndex.Get(fields, _mentions)),
            ReferencedId = reference,
        };
        return true;
    }
}
