using Vigil.Detection.Activities;

namespace Vigil.Detection.Reading;

/// <summary>CooRTweet's input: object_id (the thing shared), account_id, content_id (the share), timestamp_share.</summary>
internal sealed class CooRTweetRowMapper(HeaderIndex header) : IRowMapper
{
    private readonly int _object = header.Find("object_id");
    private readonly int _account = header.Find("account_id");
    private readonly int _content = header.Find("content_id");
    private readonly int _time = header.Find("timestamp_share");

    public bool TryMap(IReadOnlyList<string?> fields, long line, RowIssueLog log, out ActivityRecord record)
    {
        record = default;
        var objectId = HeaderIndex.Get(fields, _object);
        var account = HeaderIndex.Get(fields, _account);
        var ok = true;
        if (objectId is null)
        {
            log.Report(line, "object_id", "missing object");
            ok = false;
        }

        if (account is null)
        {
            log.Report(line, "account_id", "missing account");
            ok = false;
        }

        ok &= FieldParsing.RequireTime(HeaderIndex.Get(fields, _time), "timestamp_share", line, log, out var time);
        if (!ok)
        {
            return false;
        }

        record = new ActivityRecord
        {
            ActivityId = HeaderIndex.Get(fields, _content),
            AccountId = account!,
            Timestamp = time,
            Kind = ActivityKind.Reshare,
            ReferencedId = objectId,
        };
        return true;
    }
}
