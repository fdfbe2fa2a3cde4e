using System.Text.Json.Nodes;
using Vigil.Core.Sharing;
using Vigil.Core.Stix.Markings;
using Vigil.Core.Stix.Validation;

namespace Vigil.Core.Tests.Stix;

public sealed class TlpMarkingTests
{
    [Theory]
    [InlineData(TlpLevel.Clear, "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487", "TLP:CLEAR", "clear")]
    [InlineData(TlpLevel.Green, "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb", "TLP:GREEN", "green")]
    [InlineData(TlpLevel.Amber, "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421", "TLP:AMBER", "amber")]
    [InlineData(TlpLevel.AmberStrict, "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003", "TLP:AMBER+STRICT", "amber+strict")]
    [InlineData(TlpLevel.Red, "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1", "TLP:RED", "red")]
    public void Tlp2_marking_matches_the_oasis_published_object(TlpLevel level, string id, string name, string value)
    {
        var expected = SpecExamples.Parse(
            "{\"type\":\"marking-definition\",\"spec_version\":\"2.1\",\"id\":\"" + id + "\",\"created\":\"2022-10-01T00:00:00.000Z\","
            + "\"name\":\"" + name + "\",\"extensions\":{\"extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d\":"
            + "{\"extension_type\":\"property-extension\",\"tlp_2_0\":\"" + value + "\"}}}");

        var marking = TlpMarkings.Tlp2(level);

        Assert.True(JsonNode.DeepEquals(expected, marking), marking.ToJsonString());
        ValidationAssert.Valid(StixValidator.Validate(marking));
    }

    [Fact]
    public void All_builtin_tlp_markings_validate()
    {
        foreach (var marking in TlpMarkings.AllTlp2().Concat(TlpMarkings.AllTlp1()))
        {
            ValidationAssert.Valid(StixValidator.Validate(marking));
        }
    }

    [Fact]
    public void Builtin_tlp_id_with_other_content_is_rejected()
    {
        var forged = TlpMarkings.Tlp2(TlpLevel.Clear);
        ((JsonObject)forged["extensions"]![TlpMarkings.Tlp2ExtensionDefinitionId]!)["tlp_2_0"] = "red";

        ValidationAssert.HasError(StixValidator.Validate(forged), "$.extensions", "published TLP");
    }

    [Fact]
    public void Statement_marking_is_valid_and_needs_its_statement()
    {
        var statement = SpecExamples.Parse("""
            {"type":"marking-definition","spec_version":"2.1","id":"marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41db",
             "created":"2016-08-01T00:00:00.000Z","definition_type":"statement","definition":{"statement":"Copyright 2019, Example Corp"}}
            """);
        ValidationAssert.Valid(StixValidator.Validate(statement));

        statement["definition"] = new JsonObject();
        ValidationAssert.HasError(StixValidator.Validate(statement), "$.definition.statement", "required");
    }

    [Fact]
    public void Marking_definition_without_definition_or_extension_is_rejected()
    {
        var marking = SpecExamples.Parse("""
            {"type":"marking-definition","spec_version":"2.1","id":"marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41db","created":"2016-08-01T00:00:00.000Z"}
            """);

        ValidationAssert.HasError(StixValidator.Validate(marking), "$.definition_type", "required");
    }

    [Fact]
    public void Marking_definitions_have_no_modified()
    {
        var marking = TlpMarkings.Tlp2(TlpLevel.Green);
        marking["modified"] = "2023-01-01T00:00:00.000Z";

        ValidationAssert.HasError(StixValidator.Validate(marking), "$.modified", "x_ prefix");
    }

    [Fact]
    public void Tlp_level_of_builtin_ids_is_known()
    {
        foreach (var level in Enum.GetValues<TlpLevel>())
        {
            var marking = TlpMarkings.Tlp2(level);
            Assert.Equal(level, Tlp.LevelOf((string)marking["id"]!));
            Assert.NotNull(TlpMarkings.BuiltIn((string)marking["id"]!));
        }
    }
}
