using Vigil.Detection.Activities;

namespace Vigil.Detection.Reading;

/// <summary>
/// Vigil's own activity schema, used by the csv, jsonl and parquet readers. Columns (by name, any
/// order, all but account and timestamp optional): platform, activity_id, account_id,
/// account_handle, account_created_at, followers, account_location, timestamp, kind
/// (post|reshare|reply|quote), text, language, urls, hashtags, mentions, referenced_id,
/// media_hashes. An account is identified by account_id, else by account_handle.
/// </summary>
internal sealed class GenericRowMapper : IRowMapper
{
    public static IReadOnlyList<string> Columns { get; } =
    [
        "platform", "activity_id", "account_id", "account_handle", "account_created_at", "followers",
        "account_location", "timestamp", "kind", "text", "language", "urls", "hashtags", "mentions",
        "referenced_id", "media_hashes",
    ];

    /// <summary>Every column name this mapper recognizes, aliases included.</summary>
    public static IReadOnlyList<string> KnownNames { get; } =
    [
        .. Columns, "id", "post_id", "user_id", "author_id", "handle", "screen_name", "username",
        "created_at_account", "account_creation_date", "follower_count", "followers_count", "location", "time",
        "created_at", "published_at", "type", "content", "body", "lang", "url", "url_id", "hashtag_id", "reference_id", "parent_id",
        "media", "pdq", "phash_id",
    ];

    private readonly int _platform, _id, _account, _handle, _created, _followers, _location, _time, _kind,
        _text, _language, _urls, _hashtags, _mentions, _reference, _media;

    public GenericRowMapper(HeaderIndex header)
    {
        _platform = header.Find("platform");
        _id = header.Find("activity_id", "id", "post_id");
        _account = header.Find("account_id", "user_id", "author_id");
        _handle = header.Find("account_handle", "handle", "screen_name", "username");
        _created = header.Find("account_created_at", "created_at_account", "account_creation_date");
        _followers = header.Find("followers", "follower_count", "followers_count");
        _location = header.Find("account_location", "location");
        _time = header.Find("timestamp", "time", "created_at", "published_at");
        _kind = header.Find("kind", "type");
        _text = header.Find("text", "content", "body");
        _language = header.Find("language", "lang");
        _urls = header.Find("urls", "url", "url_id");
        _hashtags = header.Find("hashtags", "hashtag_id");
        _mentions = header.Find("mentions");
        _reference = header.Find("referenced_id", "reference_id", "parent_id");
        _media = header.Find("media_hashes", "media", "pdq", "phash_id");
        if (_time < 0 || (_account < 0 && _handle < 0))
        {
            throw new MalformedInputException(
                "The header has no 'timestamp' column or neither 'account_id' nor 'account_handle'; found: " + header);
        }
    }

    public bool TryMap(IReadOnlyList<string?> fields, long line, RowIssueLog log, out ActivityRecord record)
    {
        record = default;
        var handle = HeaderIndex.Get(fields, _handle);
        var account = HeaderIndex.Get(fields, _account) ?? handle;
        var ok = true;
        if (account is null)
        {
            log.Report(line, _account >= 0 ? "account_id" : "account_handle", "missing account");
            ok = false;
        }

        ok &= FieldParsing.RequireTime(HeaderIndex.Get(fields, _time), "timestamp", line, log, out var time);
        var kindText = HeaderIndex.Get(fields, _kind);
        var kind = FieldParsing.ParseKind(kindText);
        if (kind is null)
        {
            log.Report(line, "kind", $"unknown kind '{FieldParsing.Shorten(kindText!)}' (post, reshare, reply or quote)");
        }

        if (!ok)
        {
            return false;
        }

        record = new ActivityRecord
        {
            Platform = HeaderIndex.Get(fields, _platform),
            ActivityId = HeaderIndex.Get(fields, _id),
            AccountId = account!,
            AccountHandle = handle,
            AccountCreatedAt = FieldParsing.OptionalTime(HeaderIndex.Get(fields, _created), "account_created_at", line, log),
            Followers = FieldParsing.OptionalInt(HeaderIndex.Get(fields, _followers), "followers", line, log),
            AccountLocation = HeaderIndex.Get(fields, _location),
            Timestamp = time,
            Kind = kind ?? ActivityKind.Post,
            Text = HeaderIndex.Get(fields, _text),
            Language = HeaderIndex.Get(fields, _language),
            Urls = ListField.Parse(HeaderIndex.Get(fields, _urls)),
            Hashtags = ListField.Parse(HeaderIndex.Get(fields, _hashtags)),
            Mentions = ListField.Parse(HeaderIndex.Get(fields, _mentions)),
            ReferencedId = HeaderIndex.Get(fields, _reference),
            MediaHashes = ListField.Parse(HeaderIndex.Get(fields, _media)),
        };
        return true;
    }
}
