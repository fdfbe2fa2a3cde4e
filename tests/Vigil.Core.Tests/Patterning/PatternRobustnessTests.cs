using System.Text.Json.Nodes;
using CsCheck;
using Vigil.Core.Patterning;
using Vigil.Core.Patterning.Evaluation;

namespace Vigil.Core.Tests.Patterning;

/// <summary>Bad input gets an error value, never an exception or a hang.</summary>
public sealed class PatternRobustnessTests
{
    private static readonly Gen<char> PatternChar = Gen.OneOf(
        Gen.Char["[]():.,*'=!<>-+_ \\/\n"],
        Gen.Char['a', 'z'],
        Gen.Char['0', '9'],
        Gen.Char);

    [Fact]
    public void Random_text_is_rejected_or_accepted_without_throwing()
    {
        PatternChar.Array[0, 80].Select(chars => new string(chars)).Sample(text =>
        {
            if (!StixPatternParser.TryParse(text, out var pattern, out var error))
            {
                Assert.InRange(error.Index, 0, text.Length);
                Assert.False(string.IsNullOrWhiteSpace(error.Message));
            }
            else
            {
                Assert.NotNull(pattern);
            }
        }, iter: 5_000);
    }

    [Fact]
    public void Damaged_valid_patterns_are_rejected_at_a_position_inside_the_text()
    {
        Gen.Select(Gen.OneOf(SpecExamples.All), Gen.Int[0, 1000], PatternChar, Gen.Bool).Sample((example, at, c, insert) =>
        {
            var position = at % example.Length;
            var damaged = insert ? example.Insert(position, c.ToString()) : example.Remove(position, 1);
            if (!StixPatternParser.TryParse(damaged, out _, out var error))
            {
                Assert.InRange(error.Index, 0, damaged.Length);
                Assert.InRange(error.Line, 1, damaged.Length + 1);
            }
        }, iter: 5_000);
    }

    [Fact]
    public void Evaluation_of_odd_json_shapes_never_throws()
    {
        var oddValue = Gen.OneOf<JsonNode?>(
            Gen.Const(() => (JsonNode?)null),
            Gen.Int.Select(i => (JsonNode?)JsonValue.Create(i)),
            Gen.Double.Select(d => (JsonNode?)(double.IsFinite(d) ? JsonValue.Create(d) : JsonValue.Create(0))),
            Gen.String.Select(s => (JsonNode?)JsonValue.Create(s)),
            Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b)),
            Gen.Const(() => (JsonNode?)new JsonArray(1, "x", null)),
            Gen.Const(() => (JsonNode?)new JsonObject { ["value"] = "198.51.100.1" }));
        var property = Gen.OneOf("value", "hashes", "account_login", "resolves_to_refs", "dst_ref", "size", "magic_number_hex", "name", "is_privileged");
        var sco = from type in Gen.OneOf("url", "domain-name", "ipv4-addr", "file", "user-account", "network-traffic")
                  from props in Gen.Select(property, oddValue).Array[0, 5]
                  select Build(type, props);

        Gen.Select(PatternGenerators.Pattern, sco.Array[1, 4]).Sample((text, objects) =>
        {
            var pattern = StixPatternParser.Parse(text);
            var observation = Sco.At(0, objects);
            var exception = Record.Exception(() => PatternEvaluator.FindMatch(pattern, [observation, observation]));
            Assert.Null(exception);
        }, iter: 1_000);
    }

    private static JsonObject Build(string type, (string Name, JsonNode? Value)[] properties)
    {
        var sco = new JsonObject { ["type"] = type };
        foreach (var (name, value) in properties)
        {
            sco[name] = value;
        }

        return sco;
    }
}
