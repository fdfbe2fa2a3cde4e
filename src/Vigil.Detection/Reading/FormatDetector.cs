namespace Vigil.Detection.Reading;

/// <summary>Tells the format of an activity file from its first bytes and, for CSV, its header names.</summary>
internal static class FormatDetector
{
    public static bool IsParquet(ReadOnlySpan<byte> head) => head.Length >= 4 && head[..4].SequenceEqual("PAR1"u8);

    public static bool IsGzip(ReadOnlySpan<byte> head) => head.Length >= 2 && head[0] == 0x1f && head[1] == 0x8b;

    public static ActivityFormat FromFirstLine(string firstLine)
    {
        var trimmed = firstLine.TrimStart('\uFEFF', ' ', '\t');
        if (trimmed.StartsWith('{'))
        {
            return ActivityFormat.JsonLines;
        }

        var header = new HeaderIndex(trimmed.Split(',').Select(h => h.Trim().Trim('"')).ToArray());
        return FromHeader(header);
    }

    public static ActivityFormat FromHeader(HeaderIndex header)
    {
        if (header.Has("object_id") && header.Has("account_id") && header.Has("timestamp_share"))
        {
            return ActivityFormat.CooRTweet;
        }

        if ((header.Has("tweetid") && (header.Has("userid") || header.Has("user_screen_name"))) || header.Has("tweet_time"))
        {
            return ActivityFormat.TwitterInformationOperations;
        }

        if (header.Has("external_author_id") || (header.Has("author") && header.Has("publish_date")))
        {
            return ActivityFormat.FiveThirtyEight;
        }

        return ActivityFormat.Csv;
    }
}
