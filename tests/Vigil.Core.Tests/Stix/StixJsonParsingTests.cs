using System.Text;
using System.Text.Json.Nodes;
using Vigil.Core.Stix.Json;

namespace Vigil.Core.Tests.Stix;

public sealed class StixJsonParsingTests
{
    private static StixParseResult Parse(string json, StixJsonLimits? limits = null) =>
        StixJson.ParseEnvelopeOrBundle(Encoding.UTF8.GetBytes(json), limits);

    [Fact]
    public void Envelope_is_parsed_with_its_objects()
    {
        var result = Parse("""{"objects":[{"type":"url"},{"type":"domain-name"}],"more":false}""");

        Assert.True(result.Success, result.Error?.ToString());
        Assert.False(result.IsBundle);
        Assert.Equal(2, result.Objects.Count);
    }

    [Fact]
    public void Bundle_is_recognised()
    {
        var result = Parse("""{"type":"bundle","id":"bundle--44af6c39-c09b-49c5-9de2-394224b04982","objects":[]}""");

        Assert.True(result.Success);
        Assert.True(result.IsBundle);
        Assert.Empty(result.Objects);
    }

    [Fact]
    public void Malformed_json_reports_line_and_byte()
    {
        var result = Parse("{\n  \"objects\": [\n    {\"type\": \"url\",}\n  ]\n}");

        Assert.False(result.Success);
        Assert.Equal(StixJsonErrorKind.Malformed, result.Error.Kind);
        Assert.Equal(3, result.Error.Line);
        Assert.True(result.Error.BytePositionInLine > 1);
        Assert.Contains("line 3", result.Error.ToString(), StringComparison.Ordinal);
        Assert.Equal("$.objects[0].type", result.Error.Path);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{")]
    [InlineData("{\"objects\": [}")]
    [InlineData("{\"objects\": []} trailing")]
    [InlineData("{'objects': []}")]
    [InlineData("{\"objects\": [] /* comment */}")]
    [InlineData("{\"a\": 01}")]
    [InlineData("{\"a\": NaN}")]
    public void Malformed_bodies_give_errors_not_exceptions(string body)
    {
        var result = Parse(body);

        Assert.False(result.Success);
        Assert.Equal(StixJsonErrorKind.Malformed, result.Error.Kind);
    }

    [Fact]
    public void Invalid_utf8_is_malformed()
    {
        var bytes = new byte[] { (byte)'{', (byte)'"', (byte)'a', (byte)'"', (byte)':', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)'}' };

        var result = StixJson.ParseEnvelopeOrBundle(bytes);

        Assert.False(result.Success);
        Assert.Equal(StixJsonErrorKind.Malformed, result.Error.Kind);
    }

    [Fact]
    public void Lone_surrogate_escape_is_malformed()
    {
        var result = Parse("{\"objects\":[],\"x_a\":\"\\ud800\"}");

        Assert.False(result.Success);
        Assert.Equal(StixJsonErrorKind.Malformed, result.Error.Kind);
        Assert.Equal("$.x_a", result.Error.Path);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"objects\"")]
    [InlineData("42")]
    public void Non_object_root_is_not_an_envelope(string body)
    {
        var result = Parse(body);

        Assert.False(result.Success);
        Assert.Equal(StixJsonErrorKind.NotAnEnvelope, result.Error.Kind);
    }

    [Fact]
    public void Nesting_ten_thousand_deep_is_refused_quickly_with_a_path()
    {
        var body = "{\"objects\":[{\"x_a\":" + new string('[', 10_000) + new string(']', 10_000) + "}]}";

        var result = Parse(body);

        Assert.False(result.Success);
        Assert.Equal(StixJsonErrorKind.TooDeep, result.Error.Kind);
        Assert.StartsWith("$.objects[0].x_a", result.Error.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_at_the_limit_is_accepted()
    {
        var limits = new StixJsonLimits { MaxDepth = 5 };

        Assert.True(Parse("{\"objects\":[{\"a\":[1]}]}", limits).Success); // depth 4
        Assert.Equal(StixJsonErrorKind.TooDeep, Parse("{\"objects\":[{\"a\":[[[1]]]}]}", limits).Error?.Kind);
    }

    [Fact]
    public void Body_over_the_byte_limit_is_too_large()
    {
        var result = Parse("{\"objects\":[]}", new StixJsonLimits { MaxBytes = 5 });

        Assert.False(result.Success);
        Assert.Equal(StixJsonErrorKind.TooLarge, result.Error.Kind);
    }

    [Fact]
    public async Task Hundred_megabyte_string_is_refused_by_the_stream_limit_without_reading_it_all()
    {
        var stream = new EndlessStringStream();

        var result = await StixJson.ParseEnvelopeOrBundleAsync(stream, new StixJsonLimits { MaxBytes = 1024 * 1024 });

        Assert.False(result.Success);
        Assert.Equal(StixJsonErrorKind.TooLarge, result.Error.Kind);
        Assert.True(stream.Position < 4 * 1024 * 1024, "read " + stream.Position + " bytes");
    }

    [Fact]
    public void Long_string_inside_the_byte_limit_is_refused_by_the_string_limit()
    {
        var body = "{\"objects\":[{\"type\":\"note\",\"content\":\"" + new string('a', 100_000) + "\"}]}";

        var result = Parse(body, new StixJsonLimits { MaxStringBytes = 10_000 });

        Assert.False(result.Success);
        Assert.Equal(StixJsonErrorKind.StringTooLong, result.Error.Kind);
        Assert.Equal("$.objects[0].content", result.Error.Path);
    }

    [Fact]
    public void Duplicate_property_is_refused_with_its_path()
    {
        var result = Parse("""{"objects":[{"type":"url","id":"a"},{"type":"url","value":"x","type":"domain-name"}]}""");

        Assert.False(result.Success);
        Assert.Equal(StixJsonErrorKind.DuplicateProperty, result.Error.Kind);
        Assert.Contains("\"type\"", result.Error.Message, StringComparison.Ordinal);
        Assert.Equal("$.objects[1].type", result.Error.Path);
    }

    [Fact]
    public void Duplicate_property_spelled_with_escapes_is_refused()
    {
        var result = Parse("""{"objects":[],"\u006fbjects":[]}""");

        Assert.Equal(StixJsonErrorKind.DuplicateProperty, result.Error?.Kind);
    }

    [Fact]
    public void Duplicate_property_in_a_big_object_is_refused()
    {
        var sb = new StringBuilder("{\"objects\":[],\"x\":{");
        for (var i = 0; i < 500; i++)
        {
            sb.Append("\"k").Append(i).Append("\":").Append(i).Append(',');
        }

        sb.Append("\"k250\":1}}");

        Assert.Equal(StixJsonErrorKind.DuplicateProperty, Parse(sb.ToString()).Error?.Kind);
    }

    [Fact]
    public void Error_path_inside_a_big_object_names_the_latest_property()
    {
        var sb = new StringBuilder("{\"objects\":[{");
        for (var i = 0; i < 40; i++)
        {
            sb.Append("\"k").Append(i).Append("\":{\"inner\":1},");
        }

        sb.Append("\"deep\":[[[[[1]]]]]}]}");

        var result = Parse(sb.ToString(), new StixJsonLimits { MaxDepth = 6 });

        Assert.Equal(StixJsonErrorKind.TooDeep, result.Error?.Kind);
        Assert.StartsWith("$.objects[0].deep[0]", result.Error?.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Same_property_names_in_sibling_objects_are_fine()
    {
        var sb = new StringBuilder("{\"objects\":[");
        for (var i = 0; i < 50; i++)
        {
            sb.Append(i == 0 ? "" : ",").Append("{\"type\":\"url\",\"value\":\"v\",\"nested\":{\"type\":1}}");
        }

        sb.Append("]}");

        Assert.True(Parse(sb.ToString()).Success);
    }

    [Fact]
    public void Too_many_objects_is_refused()
    {
        var body = "{\"objects\":[" + string.Join(",", Enumerable.Repeat("{}", 11)) + "]}";

        var result = Parse(body, new StixJsonLimits { MaxObjects = 10 });

        Assert.Equal(StixJsonErrorKind.TooManyObjects, result.Error?.Kind);
    }

    [Fact]
    public void Scalars_in_the_objects_list_count_toward_the_object_limit()
    {
        var body = "{\"objects\":[" + string.Join(",", Enumerable.Repeat("1", 11)) + "]}";

        Assert.Equal(StixJsonErrorKind.TooManyObjects, Parse(body, new StixJsonLimits { MaxObjects = 10 }).Error?.Kind);
        Assert.True(Parse("{\"objects\":[1,\"a\",null,{}],\"x_list\":[1,2,3,4,5,6,7,8,9,10,11,12]}", new StixJsonLimits { MaxObjects = 4 }).Success);
    }

    [Fact]
    public void Too_many_properties_is_refused()
    {
        var body = "{\"objects\":[{" + string.Join(",", Enumerable.Range(0, 21).Select(i => $"\"p{i}\":1")) + "}]}";

        Assert.Equal(StixJsonErrorKind.TooManyProperties, Parse(body, new StixJsonLimits { MaxPropertiesPerObject = 20 }).Error?.Kind);
    }

    [Fact]
    public void Byte_order_mark_is_tolerated()
    {
        byte[] body = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("{\"objects\":[]}")];

        Assert.True(StixJson.ParseEnvelopeOrBundle(body).Success);
    }

    [Fact]
    public void Single_object_parse_reports_errors_too()
    {
        Assert.NotNull(StixJson.ParseObject("{\"type\":\"url\"}"u8, out var none));
        Assert.Null(none);
        Assert.Null(StixJson.ParseObject("{\"type\":\"url\",\"type\":\"x\"}"u8, out var error));
        Assert.Equal(StixJsonErrorKind.DuplicateProperty, error?.Kind);
    }

    [Fact]
    public void Random_bytes_never_throw()
    {
        var random = new Random(8785);
        for (var i = 0; i < 2000; i++)
        {
            var bytes = new byte[random.Next(0, 64)];
            random.NextBytes(bytes);
            var result = StixJson.ParseEnvelopeOrBundle(bytes);
            Assert.True(result.Success || !string.IsNullOrEmpty(result.Error.Message));
        }
    }

    [Fact]
    public void Mutated_valid_envelopes_never_throw()
    {
        var valid = Encoding.UTF8.GetBytes(SpecExamples.All["indicator"].Insert(0, "{\"objects\":[") + "]}");
        var random = new Random(42);
        for (var i = 0; i < 2000; i++)
        {
            var bytes = (byte[])valid.Clone();
            bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            var result = StixJson.ParseEnvelopeOrBundle(bytes);
            if (result.Success)
            {
                _ = Vigil.Core.Stix.Validation.StixValidator.ValidateEnvelope(result.Root);
            }
            else
            {
                Assert.False(string.IsNullOrEmpty(result.Error.Message));
            }
        }
    }

    /// <summary>A body that starts a JSON string and never ends it: a stand-in for a 100 MB (or bigger) string.</summary>
    private sealed class EndlessStringStream : Stream
    {
        private static readonly byte[] Prefix = Encoding.UTF8.GetBytes("{\"objects\":[{\"type\":\"note\",\"content\":\"");
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position >= 100L * 1024 * 1024)
            {
                return 0;
            }

            for (var i = 0; i < count; i++)
            {
                var p = _position + i;
                buffer[offset + i] = p < Prefix.Length ? Prefix[p] : (byte)'a';
            }

            _position += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
