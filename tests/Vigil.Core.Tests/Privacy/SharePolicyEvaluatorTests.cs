using System.Text.Json.Nodes;
using Vigil.Core.Members;
using Vigil.Core.Privacy;

namespace Vigil.Core.Tests.Privacy;

public sealed class SharePolicyEvaluatorTests
{
    private static readonly LegalProcessReference Warrant = new("warrant", "District Court", "SW-1", new DateOnly(2026, 10, 1));
    private static readonly LegalProcessReference Subpoena = new("subpoena", "Grand Jury", "GJ-7", new DateOnly(2026, 10, 1));

    private static JsonObject Note(string? contentClass, string text = "A post about polling hours")
    {
        var note = new JsonObject { ["type"] = "note", ["id"] = "note--" + Guid.NewGuid(), ["content"] = text };
        if (contentClass is not null)
        {
            note[ContentClasses.Property] = contentClass;
        }

        return note;
    }

    public static TheoryData<string> Guarded => [ContentClasses.PrivateMessage, ContentClasses.NonPublicAccountData, ContentClasses.EmailContent];

    public static TheoryData<string> Open => [ContentClasses.PublicContent, ContentClasses.PublicAccountMetadata];

    [Theory]
    [MemberData(nameof(Open))]
    public void Public_classes_go_to_every_sector(string contentClass)
    {
        var decision = SharePolicyEvaluator.Evaluate(DataPolicy.Default, Note(contentClass), SectorNames.All.ToArray(), null);
        Assert.True(decision.Allowed);
    }

    [Theory]
    [MemberData(nameof(Guarded))]
    public void Guarded_classes_go_to_non_government_sectors(string contentClass)
    {
        var decision = SharePolicyEvaluator.Evaluate(DataPolicy.Default, Note(contentClass),
            [Sector.Platform, Sector.Research, Sector.CivilSociety, Sector.ElectionOffice, Sector.Hub], null);
        Assert.True(decision.Allowed);
    }

    [Theory]
    [MemberData(nameof(Guarded))]
    public void Guarded_classes_are_refused_to_government_without_legal_process(string contentClass)
    {
        var decision = SharePolicyEvaluator.Evaluate(DataPolicy.Default, Note(contentClass), [Sector.Platform, Sector.Government], null, "objects[4]");

        Assert.False(decision.Allowed);
        Assert.Equal($"{contentClass}/government", decision.Rule);
        Assert.Equal("objects[4].x_vigil_content_class", decision.Field);
        Assert.Equal((contentClass, Sector.Government), (decision.ContentClass, decision.TargetSector));
        Assert.Contains("x_vigil_legal_process", decision.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Guarded))]
    public void Guarded_classes_go_to_government_with_an_accepted_legal_process(string contentClass) =>
        Assert.True(SharePolicyEvaluator.Evaluate(DataPolicy.Default, Note(contentClass), [Sector.Government], Warrant).Allowed);

    [Fact]
    public void A_legal_process_type_the_policy_does_not_accept_is_refused_naming_the_type_field()
    {
        var policy = DataPolicy.Default with
        {
            Version = 3,
            Rules = [.. DataPolicy.Default.Rules.Select(r => r.ContentClass == ContentClasses.EmailContent ? r with { GovernmentLegalProcess = ["warrant"] } : r)],
        };

        var refused = SharePolicyEvaluator.Evaluate(policy, Note(ContentClasses.EmailContent), [Sector.Government], Subpoena, "objects[0]");
        var allowed = SharePolicyEvaluator.Evaluate(policy, Note(ContentClasses.EmailContent), [Sector.Government], Warrant, "objects[0]");

        Assert.Equal(("email-content/government", "objects[0].x_vigil_legal_process.type"), (refused.Rule, refused.Field));
        Assert.Contains("policy version 3", refused.Reason, StringComparison.Ordinal);
        Assert.True(allowed.Allowed);
    }

    [Fact]
    public void A_sector_outside_a_rule_is_refused_even_with_legal_process()
    {
        var policy = DataPolicy.Default with
        {
            Rules = [.. DataPolicy.Default.Rules.Select(r => r.ContentClass == ContentClasses.PrivateMessage ? r with { Sectors = [Sector.Platform] } : r)],
        };

        var decision = SharePolicyEvaluator.Evaluate(policy, Note(ContentClasses.PrivateMessage), [Sector.Research], Warrant);

        Assert.Equal("private-message/research", decision.Rule);
        Assert.True(SharePolicyEvaluator.Evaluate(policy, Note(ContentClasses.PrivateMessage), [Sector.Platform], null).Allowed);
    }

    [Fact]
    public void Detected_personal_data_counts_as_non_public_account_data()
    {
        var note = Note(ContentClasses.PublicContent, "Reach the poster at +1 555 010 4477");

        var refused = SharePolicyEvaluator.Evaluate(DataPolicy.Default, note, [Sector.Government], null, "objects[2]");
        var allowed = SharePolicyEvaluator.Evaluate(DataPolicy.Default, note, [Sector.Platform], null, "objects[2]");

        Assert.Equal(("non-public-account-data/government", "objects[2].content"), (refused.Rule, refused.Field));
        Assert.True(allowed.Allowed);
    }

    [Fact]
    public void An_unclassified_object_without_personal_data_goes_anywhere() =>
        Assert.True(SharePolicyEvaluator.Evaluate(DataPolicy.Default, Note(null), SectorNames.All.ToArray(), null).Allowed);

    [Fact]
    public void A_class_on_a_nested_observable_counts()
    {
        var observed = new JsonObject
        {
            ["type"] = "observed-data",
            ["objects"] = new JsonObject { ["0"] = new JsonObject { ["type"] = "email-message", [ContentClasses.Property] = ContentClasses.EmailContent } },
        };

        var decision = SharePolicyEvaluator.Evaluate(DataPolicy.Default, observed, [Sector.Government], null, "objects[1]");

        Assert.Equal(("email-content/government", "objects[1].objects.0.x_vigil_content_class"), (decision.Rule, decision.Field));
    }

    [Theory]
    [InlineData("\"secret-stuff\"")]
    [InlineData("42")]
    public void An_unknown_class_is_refused_naming_the_field(string value)
    {
        var note = Note(null);
        note[ContentClasses.Property] = JsonNode.Parse(value);

        var decision = SharePolicyEvaluator.Evaluate(DataPolicy.Default, note, [Sector.Platform], null, "objects[0]");

        Assert.Equal((ShareDecision.BadContentClassRule, "objects[0].x_vigil_content_class"), (decision.Rule, decision.Field));
    }

    [Fact]
    public void Restricted_sectors_tell_when_the_audience_matters()
    {
        var (open, _) = SharePolicyEvaluator.Classify(Note(ContentClasses.PublicContent));
        var (guarded, _) = SharePolicyEvaluator.Classify(Note(ContentClasses.PrivateMessage));

        Assert.Empty(SharePolicyEvaluator.RestrictedSectors(DataPolicy.Default, open));
        Assert.Equal([Sector.Government], SharePolicyEvaluator.RestrictedSectors(DataPolicy.Default, guarded));
    }
}
