using Parquet.Serialization;
using Vigil.Detection.Activities;
using Vigil.Detection.Reading;

namespace Vigil.Detection.Tests.Reading;

public sealed class ActivityReaderTests : IDisposable
{
    private readonly ReaderTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Csv_quoted_fields_keep_commas_quotes_and_line_breaks()
    {
        var path = _files.Write("a.csv",
            "account_id,timestamp,text,kind,urls\r\n" +
            "acc1,2024-01-01T10:00:00Z,\"hello, \"\"world\"\"\nsecond line\",post,\"https://www.Example.com/a/?utm_source=x|https://b.org/\"\r\n" +
            "acc2,1704103200,plain,reshare,\n");

        var result = await ActivityReaders.ReadAsync(path, new ReadOptions());

        Assert.Equal(ActivityFormat.Csv, result.Format);
        Assert.Equal(2, result.Table.Count);
        Assert.Equal("hello, \"world\"\nsecond line", result.Table.Text[0]);
        Assert.Equal(ActivityKind.Reshare, result.Table.Kind[1]);
        Assert.Equal(["example.com/a", "b.org"], result.Table.Urls.Row(0).ToArray().Select(u => result.Table.Urls.Pool[u]));
        Assert.Equal(0, result.IssueCount);
    }

    [Fact]
    public async Task Bad_rows_are_counted_and_reported_by_line_and_field()
    {
        var path = _files.Write("bad.csv",
            "account_id,timestamp,followers\n" +
            "a,2024-01-01 10:00:00,12\n" +
            ",2024-01-01 10:00:00,1\n" +
            "b,not a time,1\n" +
            "c,2024-01-01 10:00,many\n");

        var result = await ActivityReaders.ReadAsync(path, new ReadOptions());

        Assert.Equal(4, result.RowsRead);
        Assert.Equal(2, result.RowsRejected);
        Assert.Equal(2, result.Table.Count);
        Assert.Equal(3, result.IssueCount);
        Assert.Contains(result.Issues, i => i.Line == 3 && i.Field == "account_id");
        Assert.Contains(result.Issues, i => i.Line == 4 && i.Field == "timestamp" && i.Message.Contains("not a time", StringComparison.Ordinal));
        Assert.Contains(result.Issues, i => i.Line == 5 && i.Field == "followers");
    }

    [Fact]
    public async Task Strict_mode_fails_on_the_first_bad_row_with_its_line()
    {
        var path = _files.Write("strict.csv", "account_id,timestamp\na,2024-01-01\nb,yesterday\nc,also bad\n");

        var error = await Assert.ThrowsAsync<MalformedInputException>(() => ActivityReaders.ReadAsync(path, new ReadOptions { Strict = true }));

        Assert.Equal(3, error.Issue!.Line);
        Assert.Equal("timestamp", error.Issue.Field);
    }

    [Fact]
    public async Task Empty_input_gives_an_empty_table()
    {
        var path = _files.Write("empty.csv", "");

        var result = await ActivityReaders.ReadAsync(path, new ReadOptions());

        Assert.Equal(0, result.Table.Count);
        var report = DetectionEngine.Run(result.Table, new DetectionOptions());
        Assert.Equal(0, report.Summary.Clusters);
        Assert.Equal(0, report.Summary.Edges);
    }

    [Fact]
    public async Task Timestamps_in_common_formats_and_zones_become_utc_seconds()
    {
        var path = _files.Write("times.csv",
            "account_id,timestamp\n" +
            "a,2024-01-01T12:00:00+02:00\n" +
            "a,2024-01-01 10:00:00\n" +
            "a,1/1/2024 10:00\n" +
            "a,Mon Jan 01 10:00:00 +0000 2024\n" +
            "a,1704103200000\n" +
            "a,1704103200\n");

        var result = await ActivityReaders.ReadAsync(path, new ReadOptions());

        Assert.Equal(0, result.IssueCount);
        Assert.All(result.Table.Time, t => Assert.Equal(1704103200L, t));
    }

    [Fact]
    public async Task Gzip_json_lines_are_read_directly_and_detected()
    {
        var path = _files.WriteGzip("a.jsonl.gz",
            "{\"account_id\":\"a\",\"timestamp\":1704103200,\"kind\":\"post\",\"hashtags\":[\"One\",\"#two\"],\"text\":\"hi\"}\n" +
            "not json\n" +
            "{\"account_handle\":\"bob\",\"timestamp\":\"2024-01-01T10:00:00Z\",\"kind\":\"reply\",\"referenced_id\":\"p1\"}\n");
        var progress = new List<ReadProgress>();

        var result = await ActivityReaders.ReadAsync(path, new ReadOptions { Progress = new SynchronousProgress(progress) });

        Assert.Equal(ActivityFormat.JsonLines, result.Format);
        Assert.Equal(2, result.Table.Count);
        Assert.Equal(["one", "two"], result.Table.Hashtags.Row(0).ToArray().Select(h => result.Table.Hashtags.Pool[h]));
        Assert.Equal("bob", result.Table.Accounts.Ids[result.Table.Account[1]]);
        Assert.Contains(result.Issues, i => i.Line == 2 && i.Field == "(line)");
        Assert.NotEmpty(progress);
        Assert.Equal(new FileInfo(path).Length, progress[^1].BytesRead);
    }

    [Fact]
    public async Task Twitter_information_operations_columns_are_mapped()
    {
        var path = _files.Write("io.csv",
            "tweetid,userid,user_screen_name,user_reported_location,account_creation_date,follower_count,tweet_language,tweet_text,tweet_time,is_retweet,retweet_tweetid,in_reply_to_tweetid,quoted_tweet_tweetid,hashtags,urls,user_mentions\n" +
            "1,u1,alice,Moscow,2017-05-01,10,en,\"RT @x: hello\",2019-08-01 10:00,True,99,,,\"['HK', 'news']\",[https://t.example/a],[123]\n" +
            "2,u1,alice,Moscow,2017-05-01,10,en,reply text,2019-08-01 10:05,False,,55,,[],[],[]\n");

        var result = await ActivityReaders.ReadAsync(path, new ReadOptions());

        Assert.Equal(ActivityFormat.TwitterInformationOperations, result.Format);
        var table = result.Table;
        Assert.Equal(ActivityKind.Reshare, table.Kind[0]);
        Assert.Equal("99", table.References[table.Reference[0]]);
        Assert.Equal(ActivityKind.Reply, table.Kind[1]);
        Assert.Equal("55", table.References[table.Reference[1]]);
        Assert.Equal(["hk", "news"], table.Hashtags.Row(0).ToArray().Select(h => table.Hashtags.Pool[h]));
        Assert.Equal("alice", table.Accounts.Handles[0]);
        Assert.Equal(new DateTimeOffset(2017, 5, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), table.Accounts.CreatedAt[0]);
    }

    [Fact]
    public async Task FiveThirtyEight_file_without_id_columns_matches_reshares_by_text_and_accounts_by_handle()
    {
        var path = _files.Write("ira.csv",
            "author,content,region,language,publish_date,harvested_date,following,followers,updates,post_type,account_type,retweet,account_category\n" +
            "TEN_GOP,\"RT @someone: Big news today! https://t.co/x\",United States,English,10/1/2017 19:58,10/1/2017 19:59,1052,9636,253,RETWEET,Right,1,RightTroll\n" +
            "PAMELA_MOORE13,Big news today!,United States,English,10/1/2017 19:59,10/1/2017 20:00,1,2,3,RETWEET,Right,1,RightTroll\n" +
            "TEN_GOP,My own #MAGA post,United States,English,10/2/2017 9:05,10/2/2017 9:06,1052,9636,254,,Right,0,RightTroll\n");

        var result = await ActivityReaders.ReadAsync(path, new ReadOptions());

        Assert.Equal(ActivityFormat.FiveThirtyEight, result.Format);
        var table = result.Table;
        Assert.Equal(2, table.Accounts.Count);
        Assert.Equal("TEN_GOP", table.Accounts.Ids[table.Account[0]]);
        Assert.Equal(table.Reference[0], table.Reference[1]);
        Assert.Equal(ActivityKind.Post, table.Kind[2]);
        Assert.Equal(new DateTimeOffset(2017, 10, 1, 19, 58, 0, TimeSpan.Zero).ToUnixTimeSeconds(), table.Time[0]);
        Assert.Equal(0, result.IssueCount);
    }

    [Fact]
    public async Task Parquet_with_the_activity_schema_is_read()
    {
        var path = Path.Combine(_files.Directory, "a.parquet");
        await ParquetSerializer.SerializeAsync(
            new[]
            {
                new ParquetRow { account_id = "a", timestamp = 1704103200, kind = "reshare", referenced_id = "p1" },
                new ParquetRow { account_id = "b", timestamp = 1704103205, kind = "reshare", referenced_id = "p1", followers = 5 },
            },
            path);

        var result = await ActivityReaders.ReadAsync(path, new ReadOptions());

        Assert.Equal(ActivityFormat.Parquet, result.Format);
        Assert.Equal(2, result.Table.Count);
        Assert.Equal(1704103205L, result.Table.Time[1]);
        Assert.Equal(5, result.Table.Accounts.Followers[1]);
        Assert.Equal(result.Table.Reference[0], result.Table.Reference[1]);
    }

    [Fact]
    public async Task Unknown_layout_is_reported_by_name()
    {
        var path = _files.Write("other.csv", "foo,bar\n1,2\n");

        var error = await Assert.ThrowsAsync<MalformedInputException>(() => ActivityReaders.ReadAsync(path, new ReadOptions()));

        Assert.Contains("timestamp", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_names_round_trip()
    {
        foreach (var name in ActivityFormats.Names)
        {
            Assert.Equal(name, ActivityFormats.Name(ActivityFormats.Parse(name)));
        }

        Assert.Throws<ArgumentException>(() => ActivityFormats.Parse("xml"));
    }

    private sealed class SynchronousProgress(List<ReadProgress> sink) : IProgress<ReadProgress>
    {
        public void Report(ReadProgress value) => sink.Add(value);
    }

#pragma warning disable IDE1006, SA1300 // column names of the activity schema
    private sealed class ParquetRow
    {
        public string? account_id { get; set; }
        public long timestamp { get; set; }
        public string? kind { get; set; }
        public string? referenced_id { get; set; }
        public int? followers { get; set; }
    }
#pragma warning restore IDE1006, SA1300
}
