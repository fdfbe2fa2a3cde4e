using Vigil.Core.Stix.Model;
using Vigil.Core.Stix.Validation;

namespace Vigil.Core.Tests.Stix;

public sealed class SpecExampleTests
{
    public static TheoryData<string> Types => new(SpecExamples.All.Keys);

    [Theory]
    [MemberData(nameof(Types))]
    public void Specification_example_of_each_type_is_valid(string type)
    {
        var obj = SpecExamples.Parse(SpecExamples.All[type]);

        var result = StixValidator.Validate(obj);

        ValidationAssert.Valid(result);
        Assert.Equal(type, (string?)obj["type"]);
    }

    [Fact]
    public void Every_type_the_issue_names_has_a_definition_and_an_example()
    {
        string[] named =
        [
            "identity", "campaign", "intrusion-set", "threat-actor", "attack-pattern", "indicator", "infrastructure",
            "location", "malware", "tool", "note", "opinion", "report", "grouping", "observed-data", "relationship",
            "sighting", "url", "domain-name", "ipv4-addr", "ipv6-addr", "email-addr", "user-account", "file",
            "artifact", "marking-definition", "extension-definition",
        ];

        foreach (var type in named)
        {
            Assert.True(StixTypes.IsKnown(type), type + " has no definition");
            Assert.True(SpecExamples.All.ContainsKey(type), type + " has no example");
        }
    }

    [Fact]
    public void Specification_example_sco_ids_that_are_not_derived_from_properties_are_rejected_by_default_and_warned_when_random_ids_are_allowed()
    {
        // The specification's own ipv4-addr example uses a UUIDv5-shaped id that is not the deterministic one.
        var obj = SpecExamples.Parse("""
            {"type":"ipv4-addr","spec_version":"2.1","id":"ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd","value":"198.51.100.3"}
            """);

        ValidationAssert.HasError(StixValidator.Validate(obj), "$.id", "ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4");
        var lenient = StixValidator.Validate(obj, new ValidatorOptions { ScoIds = ScoIdCheck.Warn });
        ValidationAssert.Valid(lenient);
        ValidationAssert.HasWarning(lenient, "$.id", "deterministic");
    }
}
