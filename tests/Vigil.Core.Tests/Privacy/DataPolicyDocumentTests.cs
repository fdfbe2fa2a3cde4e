using System.Text.Json.Nodes;
using Vigil.Core.Privacy;

namespace Vigil.Core.Tests.Privacy;

public sealed class DataPolicyDocumentTests
{
    [Fact]
    public void The_default_policy_round_trips()
    {
        var json = DataPolicyDocument.ToJson(DataPolicy.Default);

        var (policy, errors) = DataPolicyDocument.Parse(JsonNode.Parse(json.ToJsonString()), 1);

        Assert.Empty(errors);
        Assert.Equal(json.ToJsonString(), DataPolicyDocument.ToJson(policy!).ToJsonString());
        Assert.Equal(1, policy!.Version);
    }

    [Fact]
    public void Bad_rules_are_named_by_path()
    {
        var json = DataPolicyDocument.ToJson(DataPolicy.Default);
        var rules = json["rules"]!.AsArray();
        rules[1]!["sectors"]!.AsArray().Add("press");
        rules[2]!["government_legal_process"]!.AsArray().Add("letter");
        rules.RemoveAt(4);

        var (policy, errors) = DataPolicyDocument.Parse(json, 2);

        Assert.Null(policy);
        Assert.Equal(["rules[1].sectors[6]", "rules[2].government_legal_process[4]", "rules"], errors.Select(e => e.Field));
        Assert.Contains("email-content", errors[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_without_rules_is_refused() =>
        Assert.Equal("rules", Assert.Single(DataPolicyDocument.Parse(new JsonObject(), 1).Errors).Field);
}
