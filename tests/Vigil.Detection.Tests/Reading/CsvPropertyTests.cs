using System.Text;
using CsCheck;
using Vigil.Detection.Reading;

namespace Vigil.Detection.Tests.Reading;

public sealed class CsvPropertyTests
{
    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n']) >= 0 || field.Length == 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    [Fact]
    public void Any_rfc4180_quoted_record_reads_back_to_its_fields()
    {
        var field = Gen.String[Gen.Char["ab ,\"\nxyz"], 0, 12];
        Gen.Select(field.List[1, 6], field.List[1, 6]).Sample(records =>
        {
            var (first, second) = records;
            var text = new StringBuilder()
                .Append(string.Join(',', first.Select(Quote))).Append("\r\n")
                .Append(string.Join(',', second.Select(Quote))).Append('\n')
                .ToString();
            var reader = new CsvRecordReader(new StringReader(text));
            var fields = new List<string>();

            Assert.True(reader.ReadAsync(fields, default).AsTask().GetAwaiter().GetResult());
            Assert.Equal(first, fields);
            Assert.True(reader.ReadAsync(fields, default).AsTask().GetAwaiter().GetResult());
            Assert.Equal(second, fields);
            Assert.False(reader.ReadAsync(fields, default).AsTask().GetAwaiter().GetResult());
        });
    }
}
