using Vigil.Detection.Reading;
using Vigil.Testing;

namespace Vigil.Detection.Tests.Engine;

public sealed class GermanElectionsTests
{
    [Fact]
    public async Task Cross_platform_posts_are_read_and_linked_by_several_signals()
    {
        var read = await ActivityReaders.ReadAsync(SharedData.Path("coordination", "german_elections.csv.gz"), new ReadOptions());

        Assert.Equal(ActivityFormat.Csv, read.Format);
        Assert.Equal(218_971, read.Table.Count);
        Assert.Equal(0, read.RowsRejected);

        var result = DetectionEngine.Run(read.Table, new DetectionOptions());

        Assert.Contains(result.Signals, s => s.Signal == "co-link" && s.SignificantEdges > 0);
        Assert.NotEmpty(result.Clusters);
        Assert.Equal(result.Clusters.Count, result.Summary.Clusters);
    }
}
