using System.Text;
using System.Text.Json.Nodes;
using Vigil.Core.Stix.Json;
using Vigil.Core.Stix.Validation;

namespace Vigil.Core.Tests.Stix;

public sealed class EnvelopeValidationTests
{
    private static JsonObject Envelope(params string[] objects) =>
        SpecExamples.Parse("{\"objects\":[" + string.Join(",", objects) + "]}");

    [Fact]
    public void Envelope_of_spec_examples_is_valid()
    {
        var envelope = Envelope([.. SpecExamples.All.Values]);

        var result = StixValidator.ValidateEnvelope(envelope);

        Assert.True(result.IsValid, string.Join("; ", result.AllErrors()));
        Assert.Equal(SpecExamples.All.Count, result.Objects.Count);
    }

    [Fact]
    public void Bad_object_is_reported_by_index_and_id_with_full_path()
    {
        var bad = SpecExamples.Parse(SpecExamples.All["indicator"]);
        bad.Remove("valid_from");
        var envelope = Envelope(SpecExamples.All["campaign"], SpecExamples.All["url"], SpecExamples.All["identity"], bad.ToJsonString());

        var result = StixValidator.ValidateEnvelope(envelope);

        Assert.False(result.IsValid);
        var failed = Assert.Single(result.Objects, o => !o.IsValid);
        Assert.Equal(3, failed.Index);
        Assert.Equal("indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", failed.Id);
        ValidationAssert.HasError(failed.Result, "$.objects[3].valid_from", "required");
    }

    [Fact]
    public void Same_id_and_version_twice_is_a_duplicate()
    {
        var envelope = Envelope(SpecExamples.All["campaign"], SpecExamples.All["url"], SpecExamples.All["campaign"]);

        var result = StixValidator.ValidateEnvelope(envelope);

        Assert.False(result.IsValid);
        ValidationAssert.HasError(result.Objects[2].Result, "$.objects[2].id", "$.objects[0]");
        Assert.True(result.Objects[0].IsValid);
    }

    [Fact]
    public void Two_versions_of_one_object_are_not_duplicates()
    {
        var v2 = SpecExamples.Parse(SpecExamples.All["campaign"]);
        v2["modified"] = "2017-01-01T00:00:00.000Z";

        var result = StixValidator.ValidateEnvelope(Envelope(SpecExamples.All["campaign"], v2.ToJsonString()));

        Assert.True(result.IsValid, string.Join("; ", result.AllErrors()));
    }

    [Fact]
    public void Non_object_item_is_reported()
    {
        var result = StixValidator.ValidateEnvelope(SpecExamples.Parse("""{"objects":[42]}"""));

        ValidationAssert.HasError(result.Objects[0].Result, "$.objects[0]", "STIX object");
    }

    [Fact]
    public void Envelope_shape_errors_are_reported()
    {
        var result = StixValidator.ValidateEnvelope(SpecExamples.Parse("""{"objects":{},"more":"yes","extra":1}"""));

        Assert.Contains(result.EnvelopeErrors, e => e.Path == "$.objects");
        Assert.Contains(result.EnvelopeErrors, e => e.Path == "$.more");
        Assert.Contains(result.EnvelopeErrors, e => e.Path == "$.extra");
    }

    [Fact]
    public void Bundle_needs_a_bundle_id_and_no_spec_version()
    {
        var result = StixValidator.ValidateEnvelope(SpecExamples.Parse("""{"type":"bundle","id":"campaign--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f","spec_version":"2.0","objects":[]}"""));

        Assert.Contains(result.EnvelopeErrors, e => e.Path == "$.id");
        Assert.Contains(result.EnvelopeErrors, e => e.Path == "$.spec_version");
    }

    [Fact]
    public void Parse_then_validate_end_to_end()
    {
        var body = Encoding.UTF8.GetBytes("{\"objects\":[" + SpecExamples.All["report"] + "," + SpecExamples.All["relationship"] + "]}");

        var parsed = StixJson.ParseEnvelopeOrBundle(body);
        Assert.True(parsed.Success);
        var result = StixValidator.ValidateEnvelope(parsed.Root);

        Assert.True(result.IsValid, string.Join("; ", result.AllErrors()));
        Assert.Equal(["report--84e4d88f-44ea-4bcd-bbf3-b2c1c320bcb3", "relationship--57b56a43-b8b0-4cba-9deb-34e3e1faed9e"],
            result.Objects.Select(o => o.Id));
    }
}
