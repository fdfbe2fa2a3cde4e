using Vigil.Detection.Activities;

namespace Vigil.Cli.Detect;

/// <summary>Joins the tables of several input files into one, so an account seen in two files is one account.</summary>
internal static class ActivityTableMerger
{
    public static ActivityTable Merge(IReadOnlyList<ActivityTable> tables)
    {
        if (tables.Count == 1)
        {
            return tables[0];
        }

        var builder = new ActivityTableBuilder(tables.Sum(t => t.Count));
        foreach (var table in tables)
        {
            var accounts = table.Accounts;
            for (var r = 0; r < table.Count; r++)
            {
                var a = table.Account[r];
                builder.Add(new ActivityRecord
                {
                    Platform = table.Platforms[table.Platform[r]] is { Length: > 0 } platform ? platform : null,
                    ActivityId = table.ActivityId[r],
                    AccountId = accounts.Ids[a],
                    AccountHandle = accounts.Handles[a],
                    AccountCreatedAt = accounts.CreatedAt[a] == AccountTable.UnknownTime ? null : accounts.CreatedAt[a],
                    Followers = accounts.Followers[a] < 0 ? null : accounts.Followers[a],
                    AccountLocation = accounts.Locations[a],
                    Timestamp = table.Time[r],
                    Kind = table.Kind[r],
                    Text = table.Text[r],
                    Language = table.Language[r],
                    Urls = Values(table.Urls, r),
                    Hashtags = Values(table.Hashtags, r),
                    Mentions = Values(table.Mentions, r),
                    ReferencedId = table.Reference[r] < 0 ? null : table.References[table.Reference[r]],
                    MediaHashes = Values(table.Media, r),
                });
            }
        }

        return builder.Build();
    }

    private static string[]? Values(MultiValueColumn column, int row)
    {
        var ids = column.Row(row);
        if (ids.IsEmpty)
        {
            return null;
        }

        var values = new string[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            values[i] = column.Pool[ids[i]];
        }

        return values;
    }
}
