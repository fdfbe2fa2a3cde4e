using System.Text.Json.Nodes;
using Vigil.Core.Privacy;

namespace Vigil.Core.Tests.Privacy;

public sealed class LegalProcessReferenceTests
{
    private static JsonObject With(JsonNode? reference) => new() { ["type"] = "note", [LegalProcessReference.Property] = reference };

    private static JsonObject Valid() => new()
    {
        ["type"] = "warrant",
        ["issuing_body"] = "District Court of Lakemoor",
        ["number"] = "2026-SW-0193",
        ["date"] = "2026-10-30",
    };

    [Fact]
    public void A_complete_reference_is_read()
    {
        var (reference, error) = LegalProcessReference.Read(With(Valid()), "objects[0]");

        Assert.Null(error);
        Assert.Equal(new LegalProcessReference("warrant", "District Court of Lakemoor", "2026-SW-0193", new DateOnly(2026, 10, 30)), reference);
    }

    [Fact]
    public void No_property_is_no_reference_and_no_error() =>
        Assert.Equal((null, null), LegalProcessReference.Read(new JsonObject { ["type"] = "note" }, "objects[0]"));

    [Theory]
    [InlineData("type", "letter", "objects[0].x_vigil_legal_process.type")]
    [InlineData("type", null, "objects[0].x_vigil_legal_process.type")]
    [InlineData("issuing_body", "", "objects[0].x_vigil_legal_process.issuing_body")]
    [InlineData("number", null, "objects[0].x_vigil_legal_process.number")]
    [InlineData("date", "2026-13-01", "objects[0].x_vigil_legal_process.date")]
    [InlineData("date", "30/10/2026", "objects[0].x_vigil_legal_process.date")]
    public void A_bad_field_is_named(string field, string? value, string path)
    {
        var reference = Valid();
        reference[field] = value;

        var (read, error) = LegalProcessReference.Read(With(reference), "objects[0]");

        Assert.Null(read);
        Assert.Equal(path, error!.Field);
    }

    [Fact]
    public void A_reference_that_is_not_an_object_is_refused()
    {
        var (_, error) = LegalProcessReference.Read(With("warrant 17"), "objects[1]");
        Assert.Equal("objects[1].x_vigil_legal_process", error!.Field);
    }
}
