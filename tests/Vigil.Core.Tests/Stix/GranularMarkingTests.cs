using System.Text.Json.Nodes;
using Vigil.Core.Stix.Markings;
using Vigil.Core.Stix.Validation;

namespace Vigil.Core.Tests.Stix;

public sealed class GranularMarkingTests
{
    private static JsonObject Indicator() => SpecExamples.Parse("""
        {"type":"indicator","spec_version":"2.1","id":"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
         "created":"2016-04-06T20:03:48.000Z","modified":"2016-04-06T20:03:48.000Z","name":"Poison Ivy",
         "description":"desc","labels":["a","b"],"pattern":"[ipv4-addr:value = '198.51.100.1']","pattern_type":"stix",
         "valid_from":"2016-01-01T00:00:00Z",
         "external_references":[{"source_name":"capec","external_id":"CAPEC-163"}]}
        """);

    private static JsonObject Marking(params string[] selectors) => new()
    {
        ["marking_ref"] = "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
        ["selectors"] = new JsonArray([.. selectors.Select(s => (JsonNode?)s)]),
    };

    [Theory]
    [InlineData("description")]
    [InlineData("labels.[1]")]
    [InlineData("external_references.[0].source_name")]
    [InlineData("external_references")]
    public void Selector_that_names_a_property_of_the_object_is_accepted(string selector)
    {
        var obj = Indicator();
        obj["granular_markings"] = new JsonArray(Marking(selector));

        ValidationAssert.Valid(StixValidator.Validate(obj));
        Assert.Null(GranularSelector.Resolve(obj, selector));
    }

    [Theory]
    [InlineData("summary", "does not have")]
    [InlineData("labels.[2]", "past the end")]
    [InlineData("labels.[x]", "malformed")]
    [InlineData("description.[0]", "not a list")]
    [InlineData("external_references.[0].url", "does not have")]
    [InlineData("", "empty")]
    [InlineData("labels..[0]", "empty step")]
    public void Selector_that_selects_nothing_is_rejected(string selector, string reason)
    {
        var obj = Indicator();
        obj["granular_markings"] = new JsonArray(Marking(selector));

        ValidationAssert.HasError(StixValidator.Validate(obj), "$.granular_markings[0].selectors[0]", reason);
    }

    [Fact]
    public void Granular_marking_needs_exactly_one_of_marking_ref_and_lang()
    {
        var obj = Indicator();
        var both = Marking("description");
        both["lang"] = "en";
        obj["granular_markings"] = new JsonArray(both, new JsonObject { ["selectors"] = new JsonArray("name") });

        var result = StixValidator.Validate(obj);

        ValidationAssert.HasError(result, "$.granular_markings[0]", "exactly one");
        ValidationAssert.HasError(result, "$.granular_markings[1]", "exactly one");
    }

    [Fact]
    public void Language_granular_marking_is_accepted()
    {
        var obj = Indicator();
        obj["granular_markings"] = new JsonArray(new JsonObject { ["lang"] = "fr", ["selectors"] = new JsonArray("name") });

        ValidationAssert.Valid(StixValidator.Validate(obj));
    }
}
