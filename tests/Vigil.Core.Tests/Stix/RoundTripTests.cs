using System.Text;
using System.Text.Json.Nodes;
using Vigil.Core.Stix;
using Vigil.Core.Stix.Json;
using Vigil.Core.Stix.Validation;

namespace Vigil.Core.Tests.Stix;

public sealed class RoundTripTests
{
    private const string WithCustomContent = """
        {"type":"indicator","spec_version":"2.1","id":"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
         "created":"2016-04-06T20:03:48.000Z","modified":"2016-04-06T20:03:48.123456Z",
         "pattern":"[domain-name:value = 'news.example']","pattern_type":"stix","valid_from":"2016-01-01T00:00:00Z",
         "x_vigil_score":0.30000000000000004,"x_vigil_tags":["élection","\u2028"],
         "x_vigil_nested":{"b":[1,2,{"c":null}],"a":true,"big":12345678901234567890},
         "extensions":{"extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e":{"extension_type":"property-extension",
           "unknown_field":{"deep":[["x"]]},"rank":1e2}}}
        """;

    [Fact]
    public void Custom_properties_and_unknown_extensions_survive_parse_validate_serialize()
    {
        var parsed = StixJson.ParseEnvelopeOrBundle(Encoding.UTF8.GetBytes("{\"objects\":[" + WithCustomContent + "]}"));
        Assert.True(parsed.Success);
        var obj = (JsonObject)parsed.Objects[0]!;

        ValidationAssert.Valid(StixValidator.Validate(obj));
        var reparsed = JsonNode.Parse(obj.ToJsonString());

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(WithCustomContent), reparsed));
        Assert.Equal(CanonicalJson.Serialize(JsonNode.Parse(WithCustomContent)), CanonicalJson.Serialize(reparsed));
    }

    [Fact]
    public void Validation_does_not_change_the_object()
    {
        var obj = SpecExamples.Parse(WithCustomContent);
        var before = obj.ToJsonString();

        _ = StixValidator.Validate(obj);

        Assert.Equal(before, obj.ToJsonString());
    }

    [Fact]
    public void Stix_object_keeps_the_exact_version_text_and_the_whole_json()
    {
        var obj = SpecExamples.Parse(WithCustomContent);

        var stix = StixObject.FromJson(obj);

        Assert.Equal("2016-04-06T20:03:48.123456Z", stix.Version?.Text);
        Assert.Same(obj, stix.Json);
        Assert.Equal(0.30000000000000004, (double)stix.Json["x_vigil_score"]!);
    }
}
