using System.Text.Json.Nodes;
using Vigil.Core.Stix.Validation;
using Vigil.Detection.Reading;
using Vigil.Detection.Stix;
using Vigil.Testing;

namespace Vigil.Detection.Tests.Stix;

public sealed class RealDataExportTests
{
    [Fact]
    public async Task German_elections_detection_exports_a_bundle_that_validates()
    {
        var path = SharedData.Path("coordination", "german_elections.csv.gz");
        Assert.True(File.Exists(path), $"The shared coordination data {path} is missing; this test needs it.");
        var read = await ActivityReaders.ReadAsync(path, new ReadOptions());
        var result = DetectionEngine.Run(read.Table, new DetectionOptions());

        var bundle = DetectionStixExporter.Export(result);

        var validation = StixValidator.ValidateEnvelope(bundle);
        Assert.True(validation.IsValid, string.Join("\n", validation.AllErrors().Take(10)));
        var objects = ((JsonArray)bundle["objects"]!).OfType<JsonObject>().ToList();
        Assert.Equal(result.Clusters.Count, objects.Count(o => (string?)o["type"] == "campaign"));
        Assert.Equal(result.Clusters.Sum(c => c.Accounts.Count), objects.Count(o => (string?)o["type"] == "user-account"));
        Assert.True(objects.Count(o => (string?)o["type"] == "attack-pattern") >= 2, "several signals are named as attack patterns");
    }
}
