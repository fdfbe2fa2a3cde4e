using System.Globalization;
using System.Text;
using Vigil.Detection.Activities;
using Vigil.Detection.Synthetic;

namespace Vigil.Benchmarks.Detection;

/// <summary>
/// Writes the synthetic activity of the generator as input for side-by-side runs with other tools:
/// <c>synthetic.csv</c> in Vigil's activity schema, <c>qut.csv</c> in the QUT coordination-network-toolkit's CSV
/// (message_id, user_id, username, repost_id, reply_id, message, timestamp, urls: space-delimited) and
/// <c>planted.txt</c> (network, style, account per line).
/// Run: <c>dotnet run -c Release --project bench/Vigil.Benchmarks -- detect-export 100000 DIR</c>.
/// </summary>
public static class SyntheticExport
{
    public static int Run(string[] args)
    {
        var activities = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
        var directory = Directory.CreateDirectory(args.Length > 2 ? args[2] : ".").FullName;
        var generated = new ActivityGenerator(new GeneratorOptions
        {
            Seed = 11,
            OrganicActivities = activities,
            OrganicAccounts = Math.Max(5_000, activities / 20),
        }).Generate();
        var table = generated.Table;
        using (var vigil = new StreamWriter(Path.Combine(directory, "synthetic.csv"), false, new UTF8Encoding(false)))
        using (var qut = new StreamWriter(Path.Combine(directory, "qut.csv"), false, new UTF8Encoding(false)))
        {
            vigil.WriteLine("activity_id,account_id,account_handle,account_created_at,timestamp,kind,text,urls,hashtags,media_hashes,referenced_id");
            qut.WriteLine("message_id,user_id,username,repost_id,reply_id,message,timestamp,urls");
            for (var r = 0; r < table.Count; r++)
            {
                var account = table.Account[r];
                var id = table.ActivityId[r] ?? "row" + r.ToString(CultureInfo.InvariantCulture);
                var reference = table.Reference[r] >= 0 ? table.References[table.Reference[r]] : "";
                var text = table.Text[r] ?? "";
                var kind = table.Kind[r];
                var created = table.Accounts.CreatedAt[account];
                vigil.WriteLine(string.Join(',',
                    id,
                    Csv(table.Accounts.Ids[account]),
                    Csv(table.Accounts.Handles[account] ?? ""),
                    created == AccountTable.UnknownTime ? "" : created.ToString(CultureInfo.InvariantCulture),
                    table.Time[r].ToString(CultureInfo.InvariantCulture),
                    kind.ToString().ToLowerInvariant(),
                    Csv(text),
                    Csv(List(table.Urls, r, '|')),
                    Csv(List(table.Hashtags, r, '|')),
                    Csv(List(table.Media, r, '|')),
                    Csv(reference)));

                // QUT has reposts and replies; a quote is an ordinary message there.
                qut.WriteLine(string.Join(',',
                    id,
                    Csv(table.Accounts.Ids[account]),
                    Csv(table.Accounts.Handles[account] ?? ""),
                    kind == ActivityKind.Reshare ? Csv(reference) : "",
                    kind == ActivityKind.Reply ? Csv(reference) : "",
                    Csv(text),
                    table.Time[r].ToString(CultureInfo.InvariantCulture),
                    Csv(List(table.Urls, r, ' '))));
            }
        }

        using (var planted = new StreamWriter(Path.Combine(directory, "planted.txt"), false, new UTF8Encoding(false)))
        {
            var index = 0;
            foreach (var (network, accounts) in generated.Truth.Networks)
            {
                foreach (var account in accounts)
                {
                    planted.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{index}\t{network.Style}\t{account}"));
                }

                index++;
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{table.Count:N0} activities by {table.Accounts.Count:N0} accounts written to {directory}"));
        return 0;
    }

    private static string List(MultiValueColumn column, int row, char separator)
    {
        var values = column.Row(row);
        var builder = new StringBuilder();
        foreach (var value in values)
        {
            if (builder.Length > 0)
            {
                builder.Append(separator);
            }

            builder.Append(column.Pool[value]);
        }

        return builder.ToString();
    }

    private static string Csv(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
