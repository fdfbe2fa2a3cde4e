using System.Text.Json.Nodes;
using CsCheck;
using Vigil.Core.Stix.Model;
using Vigil.Core.Stix.Validation;

namespace Vigil.Core.Tests.Stix;

public sealed class ValidatorRobustnessTests
{
    private static readonly string[] Types = [.. StixTypes.Definitions.Select(d => d.Type), "x-custom", "bundle", "Bad Type"];

    private static readonly string[] Names =
    [
        .. StixTypes.Definitions.SelectMany(d => d.Properties.Keys).Distinct(), "x_custom", "unknown", "",
    ];

    private static readonly Gen<JsonNode?> Leaf = Gen.OneOf(
        Gen.Bool.Select(_ => (JsonNode?)null),
        Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b)),
        Gen.Long.Select(l => (JsonNode?)JsonValue.Create(l)),
        Gen.Double.Select(d => (JsonNode?)JsonValue.Create(double.IsFinite(d) ? d : 0)),
        Gen.OneOf("2.1", "2016-04-06T20:03:00.000Z", "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", "[url:value = 'x']",
            "stix", "en", "", "x", "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421").Select(s => (JsonNode?)JsonValue.Create(s)),
        Gen.String.Select(s => (JsonNode?)JsonValue.Create(s)));

    private static readonly Gen<JsonNode?> Value = Gen.Recursive<JsonNode?>((depth, self) => depth >= 3
        ? Leaf
        : Gen.Frequency(
            (4, Leaf),
            (1, self.Array[0, 3].Select(items => (JsonNode?)new JsonArray(items))),
            (1, Gen.Select(Gen.OneOf(Names), self).Array[0, 3].Select(pairs =>
            {
                var o = new JsonObject();
                foreach (var (k, v) in pairs)
                {
                    o[k] = v;
                }

                return (JsonNode?)o;
            }))));

    [Fact]
    public void Random_objects_never_make_the_validator_throw()
    {
        Gen.Select(Gen.OneOf(Types), Gen.Select(Gen.OneOf(Names), Value).Array[0, 12]).Sample((type, pairs) =>
        {
            var obj = new JsonObject { ["type"] = type, ["id"] = type + "--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f" };
            foreach (var (k, v) in pairs)
            {
                obj[k] = v;
            }

            var result = StixValidator.Validate(obj);
            Assert.All(result.Errors, e => Assert.StartsWith("$", e.Path, StringComparison.Ordinal));
        }, iter: 3000);
    }

    [Fact]
    public void Every_spec_example_survives_every_single_property_removal()
    {
        foreach (var json in SpecExamples.All.Values)
        {
            var names = SpecExamples.Parse(json).Select(p => p.Key).ToList();
            foreach (var name in names)
            {
                var obj = SpecExamples.Parse(json);
                obj.Remove(name);
                var result = StixValidator.Validate(obj);
                Assert.All(result.Errors, e => Assert.False(string.IsNullOrEmpty(e.Message)));
            }
        }
    }
}
