using Vigil.Correlation.Sources;

namespace Vigil.Correlation.Tests.Sources;

public sealed class SourceRatingsCsvImporterTests
{
    [Fact]
    public async Task Own_format_imports_scores_labels_dates_and_evidence()
    {
        const string csv = """
            provider,domain,score,label,rated_on,evidence
            Example Checker,https://www.Example.com/,0.25,low,2024-05-01,https://checker.example/ratings/1
            Example Checker,"news.example.org/politics",,satire,,
            """;
        var result = await SourceRatingsCsvImporter.ImportAsync(new StringReader(csv), "own.csv");
        Assert.Empty(result.Summary.Issues);
        Assert.Equal(2, result.Summary.Imported);
        var first = result.Items[0];
        Assert.Equal(("example.com", 0.25, "low", new DateOnly(2024, 5, 1)), (first.Host, first.Score!.Value, first.Label!, first.RatedOn!.Value));
        Assert.Equal("/politics", result.Items[1].PathPrefix);
    }

    [Fact]
    public async Task Bad_rating_rows_name_line_and_field_and_the_import_continues()
    {
        const string csv = """
            provider,domain,score,label,rated_on,evidence
            P,a.example,2,,,
            P,b.example,,,,
            P,c.example,0.5,,01/02/2024,
            P,d.example,0.5,,,ftp://x
            ,e.example,0.5,,,
            P,nodot,0.5,,,
            P,"quoted, with comma.example",0.5,,,
            P,f.example,0.9,,,
            """;
        var result = await SourceRatingsCsvImporter.ImportAsync(new StringReader(csv), "own.csv");
        Assert.Equal(8, result.Summary.RowsRead);
        Assert.Equal(1, result.Summary.Imported);
        Assert.Equal(7, result.Summary.Skipped);
        Assert.Equal(
            [(2, "score"), (3, "score"), (4, "rated_on"), (5, "evidence"), (6, "provider"), (7, "domain"), (8, "domain")],
            result.Summary.Issues.Select(i => (i.Line, i.Field)));
        Assert.Contains("outside 0-1", result.Summary.Issues[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Own_state_media_format_is_imported()
    {
        const string csv = """
            provider,domain,outlet,country,state_body,control,evidence
            Own research,state-tv.example,State TV,Examplestan,Ministry of Information,state-controlled,https://evidence.example/1
            Own research,other.example,Other,Examplestan,Ministry,owned,
            """;
        var result = await StateMediaCsvImporter.ImportAsync(new StringReader(csv), "sm.csv");
        var label = Assert.Single(result.Items);
        Assert.Equal(StateControl.StateControlled, label.Control);
        Assert.Equal((3, "control"), (result.Summary.Issues[0].Line, result.Summary.Issues[0].Field));
    }

    [Fact]
    public async Task Quoted_fields_may_contain_quotes_and_newlines()
    {
        const string csv = "a,b\n\"x \"\"y\"\"\",\"line1\nline2\"\nlast,row\n";
        var records = new List<CsvRecord>();
        await foreach (var record in CsvReader.ReadAsync(new StringReader(csv)))
        {
            records.Add(record);
        }

        Assert.Equal(3, records.Count);
        Assert.Equal(["x \"y\"", "line1\nline2"], records[1].Fields);
        Assert.Equal(4, records[2].Line);
    }

    [Fact]
    public async Task Unclosed_quote_is_reported_with_its_line()
    {
        var error = await Assert.ThrowsAsync<FormatException>(async () =>
        {
            await foreach (var unused in CsvReader.ReadAsync(new StringReader("a\n\"open\n")))
            {
                _ = unused;
            }
        });
        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }
}
