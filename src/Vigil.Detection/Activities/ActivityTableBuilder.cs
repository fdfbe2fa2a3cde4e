namespace Vigil.Detection.Activities;

/// <summary>Collects <see cref="ActivityRecord"/>s into an <see cref="ActivityTable"/>, interning ids as it goes.</summary>
public sealed class ActivityTableBuilder
{
    private GrowableArray<int> _account;
    private GrowableArray<long> _time;
    private GrowableArray<ActivityKind> _kind;
    private GrowableArray<string?> _activityId;
    private GrowableArray<int> _reference;
    private GrowableArray<string?> _text;
    private GrowableArray<string?> _language;
    private GrowableArray<byte> _platform;
    private readonly MultiValueColumnBuilder _urls;
    private readonly MultiValueColumnBuilder _hashtags;
    private readonly MultiValueColumnBuilder _mentions;
    private readonly MultiValueColumnBuilder _media;
    private readonly StringPool _references = new();
    private readonly StringPool _accountIds = new();
    private readonly Dictionary<string, string> _languages = new(StringComparer.Ordinal);
    private readonly List<string> _platforms = [];
    private GrowableArray<string?> _handles = new(16);
    private GrowableArray<long> _createdAt = new(16);
    private GrowableArray<int> _followers = new(16);
    private GrowableArray<string?> _locations = new(16);
    private GrowableArray<string?> _accountPlatforms = new(16);

    public ActivityTableBuilder(int capacity = 1024)
    {
        _account = new(capacity);
        _time = new(capacity);
        _kind = new(capacity);
        _activityId = new(capacity);
        _reference = new(capacity);
        _text = new(capacity);
        _language = new(capacity);
        _platform = new(capacity);
        _urls = new(capacity);
        _hashtags = new(capacity);
        _mentions = new(capacity);
        _media = new(capacity);
    }

    public int Count => _time.Count;

    public void Add(in ActivityRecord record)
    {
        var account = _accountIds.Intern(record.AccountId);
        if (account == _handles.Count)
        {
            _handles.Add(record.AccountHandle);
            _createdAt.Add(record.AccountCreatedAt ?? AccountTable.UnknownTime);
            _followers.Add(record.Followers ?? -1);
            _locations.Add(record.AccountLocation);
            _accountPlatforms.Add(record.Platform);
        }
        else
        {
            // Later rows fill in what earlier rows of the same account lacked; followers keep the latest value.
            ref var handle = ref _handles.At(account);
            handle ??= record.AccountHandle;
            ref var created = ref _createdAt.At(account);
            if (created == AccountTable.UnknownTime && record.AccountCreatedAt is { } c)
            {
                created = c;
            }

            if (record.Followers is { } f)
            {
                _followers.At(account) = f;
            }

            ref var location = ref _locations.At(account);
            location ??= record.AccountLocation;
            ref var platform = ref _accountPlatforms.At(account);
            platform ??= record.Platform;
        }

        _account.Add(account);
        _time.Add(record.Timestamp);
        _kind.Add(record.Kind);
        _activityId.Add(record.ActivityId);
        _reference.Add(string.IsNullOrEmpty(record.ReferencedId) ? -1 : _references.Intern(record.ReferencedId));
        _text.Add(record.Text);
        _language.Add(record.Language is null ? null : InternLanguage(record.Language));
        _platform.Add(PlatformIndex(record.Platform ?? ""));
        _urls.AddRow(record.Urls, UrlNormalizer.Normalize);
        _hashtags.AddRow(record.Hashtags, NormalizeHashtag);
        _mentions.AddRow(record.Mentions, static m => m.TrimStart('@').ToLowerInvariant());
        _media.AddRow(record.MediaHashes, static m => m.Trim().ToLowerInvariant());
    }

    public ActivityTable Build() => new()
    {
        Count = _time.Count,
        Account = _account.ToArray(),
        Time = _time.ToArray(),
        Kind = _kind.ToArray(),
        ActivityId = _activityId.ToArray(),
        Reference = _reference.ToArray(),
        References = _references,
        Text = _text.ToArray(),
        Language = _language.ToArray(),
        Platform = _platform.ToArray(),
        Platforms = [.. _platforms],
        Urls = _urls.Build(),
        Hashtags = _hashtags.Build(),
        Mentions = _mentions.Build(),
        Media = _media.Build(),
        Accounts = new AccountTable
        {
            Ids = Enumerable.Range(0, _accountIds.Count).Select(i => _accountIds[i]).ToArray(),
            Handles = _handles.ToArray(),
            CreatedAt = _createdAt.ToArray(),
            Followers = _followers.ToArray(),
            Locations = _locations.ToArray(),
            Platforms = _accountPlatforms.ToArray(),
        },
    };

    private static string? NormalizeHashtag(string tag)
    {
        var trimmed = tag.Trim().TrimStart('#');
        return trimmed.Length == 0 ? null : trimmed.ToLowerInvariant();
    }

    private string InternLanguage(string language)
    {
        if (!_languages.TryGetValue(language, out var interned))
        {
            interned = language;
            _languages[language] = language;
        }

        return interned;
    }

    private byte PlatformIndex(string platform)
    {
        var index = _platforms.IndexOf(platform);
        if (index < 0)
        {
            if (_platforms.Count == byte.MaxValue)
            {
                throw new InvalidOperationException("More than 255 distinct platforms in one activity table.");
            }

            _platforms.Add(platform);
            index = _platforms.Count - 1;
        }

        return (byte)index;
    }
}
