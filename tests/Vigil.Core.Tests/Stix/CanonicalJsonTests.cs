using System.Text.Json.Nodes;
using CsCheck;
using Vigil.Core.Stix.Json;

namespace Vigil.Core.Tests.Stix;

public sealed class CanonicalJsonTests
{
    [Fact]
    public void Rfc8785_main_example_canonicalizes_exactly()
    {
        // RFC 8785 section 3.2.2: input with whitespace, unsorted keys and non-canonical numbers and escapes.
        const string input = """
            {
              "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
              "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
              "literals": [null, true, false]
            }
            """;

        var canonical = CanonicalJson.Serialize(JsonNode.Parse(input));

        Assert.Equal("""{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}""", canonical);
    }

    [Fact]
    public void Rfc8785_main_example_bytes_are_utf8()
    {
        var bytes = CanonicalJson.SerializeToUtf8Bytes(JsonNode.Parse("""{"string":"\u20ac"}"""));

        Assert.Equal([0x7b, 0x22, 0x73, 0x74, 0x72, 0x69, 0x6e, 0x67, 0x22, 0x3a, 0x22, 0xe2, 0x82, 0xac, 0x22, 0x7d], bytes);
    }

    [Fact]
    public void Rfc8785_property_sorting_is_by_utf16_code_units()
    {
        // RFC 8785 section 3.2.3.
        const string input = """
            {
              "\u20ac": "Euro Sign",
              "\r": "Carriage Return",
              "\ufb33": "Hebrew Letter Dalet With Dagesh",
              "1": "One",
              "\ud83d\ude00": "Emoji: Grinning Face",
              "\u0080": "Control",
              "\u00f6": "Latin Small Letter O With Diaeresis"
            }
            """;

        var canonical = CanonicalJson.Serialize(JsonNode.Parse(input));

        var expected = "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\",\"\u00f6\":\"Latin Small Letter O With Diaeresis\","
            + "\"\u20ac\":\"Euro Sign\",\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}";
        Assert.Equal(expected, canonical);
    }

    [Theory]
    [InlineData(0x0000000000000000UL, "0")]
    [InlineData(0x8000000000000000UL, "0")]
    [InlineData(0x0000000000000001UL, "5e-324")]
    [InlineData(0x8000000000000001UL, "-5e-324")]
    [InlineData(0x7fefffffffffffffUL, "1.7976931348623157e+308")]
    [InlineData(0xffefffffffffffffUL, "-1.7976931348623157e+308")]
    [InlineData(0x4340000000000000UL, "9007199254740992")]
    [InlineData(0xc340000000000000UL, "-9007199254740992")]
    [InlineData(0x4430000000000000UL, "295147905179352830000")]
    [InlineData(0x44b52d02c7e14af5UL, "9.999999999999997e+22")]
    [InlineData(0x44b52d02c7e14af6UL, "1e+23")]
    [InlineData(0x44b52d02c7e14af7UL, "1.0000000000000001e+23")]
    [InlineData(0x444b1ae4d6e2ef4eUL, "999999999999999700000")]
    [InlineData(0x444b1ae4d6e2ef4fUL, "999999999999999900000")]
    [InlineData(0x444b1ae4d6e2ef50UL, "1e+21")]
    [InlineData(0x3eb0c6f7a0b5ed8cUL, "9.999999999999997e-7")]
    [InlineData(0x3eb0c6f7a0b5ed8dUL, "0.000001")]
    [InlineData(0x41b3de4355555553UL, "333333333.3333332")]
    [InlineData(0x41b3de4355555554UL, "333333333.33333325")]
    [InlineData(0x41b3de4355555555UL, "333333333.3333333")]
    [InlineData(0x41b3de4355555556UL, "333333333.3333334")]
    [InlineData(0x41b3de4355555557UL, "333333333.33333343")]
    [InlineData(0xbecbf647612f3696UL, "-0.0000033333333333333333")]
    [InlineData(0x43143ff3c1cb0959UL, "1424953923781206.2")]
    public void Rfc8785_appendix_b_numbers_format_like_ecmascript(ulong bits, string expected)
    {
        Assert.Equal(expected, CanonicalJson.FormatNumber(BitConverter.UInt64BitsToDouble(bits)));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Non_finite_numbers_are_refused(double value)
    {
        Assert.Throws<ArgumentException>(() => CanonicalJson.FormatNumber(value));
    }

    [Fact]
    public void Number_literals_are_read_as_doubles_then_formatted()
    {
        Assert.Equal("[100,1e+21,0.1,-1.5,12345678901234567000]",
            CanonicalJson.Serialize(JsonNode.Parse("[1E2, 1000000000000000000000, 0.10, -1.50, 12345678901234567890]")));
    }

    [Fact]
    public void Control_characters_use_short_escapes_or_lowercase_unicode_escapes()
    {
        var node = new JsonArray("\b\f\n\r\t\u0001\u001f\u007f/");

        Assert.Equal("[\"\\b\\f\\n\\r\\t\\u0001\\u001f\u007f/\"]", CanonicalJson.Serialize(node));
    }

    [Fact]
    public void Lone_surrogates_are_refused()
    {
        Assert.Throws<ArgumentException>(() => CanonicalJson.Serialize(new JsonArray("a\ud800b")));
    }

    [Fact]
    public void Values_built_in_code_canonicalize_like_parsed_ones()
    {
        var built = new JsonObject { ["b"] = 1.5, ["a"] = 10L, ["c"] = new JsonArray(true, null, "x") };

        Assert.Equal("""{"a":10,"b":1.5,"c":[true,null,"x"]}""", CanonicalJson.Serialize(built));
    }

    [Fact]
    public void Canonical_form_is_a_fixed_point_and_ignores_member_order()
    {
        var gen = Gen.Dictionary(Gen.String[0, 6], Gen.OneOf<JsonNode?>(
            Gen.Double.Where(double.IsFinite).Select(d => (JsonNode?)JsonValue.Create(d)),
            Gen.String.Select(s => (JsonNode?)JsonValue.Create(s)),
            Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b))))[0, 8];

        gen.Sample(dict =>
        {
            var forward = new JsonObject();
            foreach (var (k, v) in dict)
            {
                forward[k] = v?.DeepClone();
            }

            var backward = new JsonObject();
            foreach (var (k, v) in dict.Reverse())
            {
                backward[k] = v?.DeepClone();
            }

            var once = CanonicalJson.Serialize(forward);
            Assert.Equal(once, CanonicalJson.Serialize(backward));
            Assert.Equal(once, CanonicalJson.Serialize(JsonNode.Parse(once)));
        }, iter: 300);
    }

    [Fact]
    public void Doubles_round_trip_through_their_canonical_text()
    {
        Gen.Double.Where(double.IsFinite).Sample(d =>
        {
            var text = CanonicalJson.FormatNumber(d);
            Assert.Equal(d == 0 ? 0 : d, double.Parse(text, System.Globalization.CultureInfo.InvariantCulture));
        }, iter: 2000);
    }
}
