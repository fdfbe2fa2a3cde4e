using System.Text.Json;
using Vigil.Core.Sharing;
using Vigil.Server.Rest;
using Vigil.Server.Web.Exchange;

namespace Vigil.Web.Tests.Exchange;

public sealed class RelationshipGraphTests
{
    private const string Campaign = "campaign--11111111-1111-4111-8111-111111111111";
    private const string Actor = "intrusion-set--22222222-2222-4222-8222-222222222222";
    private const string Hidden = "indicator--33333333-3333-4333-8333-333333333333";

    private static SearchHit Hit(string json, TlpLevel tlp = TlpLevel.Green) =>
        new("collection", "2026-11-01T00:00:00.000000Z", tlp, "org", JsonDocument.Parse(json).RootElement.Clone());

    private static SearchHit Relationship(int n, string type, string source, string target) =>
        Hit($$"""{"type":"relationship","id":"relationship--00000000-0000-4000-8000-{{n:D12}}","relationship_type":"{{type}}","source_ref":"{{source}}","target_ref":"{{target}}"}""");

    [Fact]
    public void Edges_point_from_source_to_target_and_unseen_objects_are_drawn_by_type_only()
    {
        var center = Hit($$"""{"type":"campaign","id":"{{Campaign}}","name":"Paper Lantern"}""", TlpLevel.Amber);
        var actor = Hit($$"""{"type":"intrusion-set","id":"{{Actor}}","name":"Harbor Chorus"}""");
        var graph = RelationshipGraph.Build(center,
            [Relationship(1, "attributed-to", Campaign, Actor), Relationship(2, "indicates", Hidden, Campaign)], [],
            new Dictionary<string, SearchHit> { [Actor] = actor });

        Assert.Equal("Paper Lantern", graph.Center.Label);
        Assert.Equal(2, graph.Neighbours.Count);
        var attributed = Assert.Single(graph.Edges, e => e.Label == "attributed-to");
        Assert.Same(graph.Center, attributed.From);
        Assert.Equal("Harbor Chorus", attributed.To.Label);
        Assert.True(attributed.To.Visible);
        var indicates = Assert.Single(graph.Edges, e => e.Label == "indicates");
        Assert.Same(graph.Center, indicates.To);
        Assert.False(indicates.From.Visible);
        Assert.Equal("indicator", indicates.From.Label);
        Assert.All(graph.Neighbours, n => Assert.InRange(n.X, 0, RelationshipGraph.Width));
        Assert.All(graph.Neighbours, n => Assert.InRange(n.Y, 0, RelationshipGraph.Height));
    }

    [Fact]
    public void At_most_sixteen_neighbours_are_drawn_and_the_rest_counted()
    {
        var center = Hit($$"""{"type":"campaign","id":"{{Campaign}}","name":"Paper Lantern"}""");
        var relationships = Enumerable.Range(1, 20)
            .Select(i => Relationship(i, "uses", Campaign, $"tool--00000000-0000-4000-8000-{i:D12}"))
            .ToArray();
        var graph = RelationshipGraph.Build(center, relationships, [], new Dictionary<string, SearchHit>());
        Assert.Equal(RelationshipGraph.MaxNeighbours, graph.Neighbours.Count);
        Assert.Equal(RelationshipGraph.MaxNeighbours, graph.Edges.Count);
        Assert.Equal(4, graph.Hidden);
        Assert.Equal(graph.Neighbours.Count, graph.Neighbours.Select(n => (n.X, n.Y)).Distinct().Count());
    }
}
