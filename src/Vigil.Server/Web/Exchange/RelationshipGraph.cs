using System.Text.Json;
using Vigil.Core.Sharing;
using Vigil.Server.Rest;

namespace Vigil.Server.Web.Exchange;

/// <summary>
/// The object and its neighbours laid out for an SVG drawn on the server: the object in the middle, each object a
/// visible relationship or sighting links it to on an ellipse around it, one edge per link.
/// </summary>
public sealed record RelationshipGraph(GraphNode Center, IReadOnlyList<GraphNode> Neighbours, IReadOnlyList<GraphEdge> Edges, int Hidden)
{
    public const double Width = 760;
    public const double Height = 440;
    public const int MaxNeighbours = 16;
    private const double RadiusX = 290;
    private const double RadiusY = 160;

    /// <summary>
    /// Builds the graph from the visible relationships and sightings. <paramref name="visible"/> holds the linked objects
    /// the caller may see; others are drawn by type alone (the reference is in a relationship the caller may see).
    /// </summary>
    public static RelationshipGraph Build(SearchHit center, IReadOnlyList<SearchHit> relationships, IReadOnlyList<SearchHit> sightings,
        IReadOnlyDictionary<string, SearchHit> visible)
    {
        ArgumentNullException.ThrowIfNull(center);
        ArgumentNullException.ThrowIfNull(relationships);
        ArgumentNullException.ThrowIfNull(sightings);
        ArgumentNullException.ThrowIfNull(visible);
        var centerId = Text(center.Object, "id") ?? string.Empty;
        var links = new List<(string Other, string Label, bool Outgoing)>();
        foreach (var relationship in relationships)
        {
            var source = Text(relationship.Object, "source_ref");
            var target = Text(relationship.Object, "target_ref");
            var label = Text(relationship.Object, "relationship_type") ?? "related-to";
            if (source == centerId && target is not null)
            {
                links.Add((target, label, true));
            }
            else if (source is not null)
            {
                links.Add((source, label, false));
            }
        }

        foreach (var sighting in sightings)
        {
            if (Text(sighting.Object, "id") is { } id)
            {
                links.Add((id, "sighting-of", false));
            }
        }

        var others = links.Select(l => l.Other).Where(o => o != centerId).Distinct(StringComparer.Ordinal).ToList();
        var shown = others.Take(MaxNeighbours).ToList();
        var centerNode = new GraphNode(centerId, ExchangeReader.DisplayName(center.Object), TypeOf(centerId), Width / 2, Height / 2, true, center.Tlp);
        var nodes = new Dictionary<string, GraphNode>(StringComparer.Ordinal) { [centerId] = centerNode };
        for (var i = 0; i < shown.Count; i++)
        {
            var angle = (2 * Math.PI * i / shown.Count) - (Math.PI / 2);
            var id = shown[i];
            var known = visible.TryGetValue(id, out var hit)
                ? hit
                : relationships.Concat(sightings).FirstOrDefault(r => Text(r.Object, "id") == id);
            nodes[id] = new GraphNode(id, known is null ? TypeOf(id) : ExchangeReader.DisplayName(known.Object), TypeOf(id),
                Math.Round((Width / 2) + (RadiusX * Math.Cos(angle)), 1), Math.Round((Height / 2) + (RadiusY * Math.Sin(angle)), 1),
                known is not null, known?.Tlp);
        }

        var edges = links
            .Where(l => nodes.ContainsKey(l.Other) && l.Other != centerId)
            .Select(l => l.Outgoing ? new GraphEdge(centerNode, nodes[l.Other], l.Label) : new GraphEdge(nodes[l.Other], centerNode, l.Label))
            .ToList();
        return new RelationshipGraph(centerNode, [.. nodes.Values.Where(n => n != centerNode)], edges, others.Count - shown.Count);
    }

    private static string TypeOf(string id)
    {
        var dashes = id.IndexOf("--", StringComparison.Ordinal);
        return dashes > 0 ? id[..dashes] : id;
    }

    private static string? Text(JsonElement stix, string property) =>
        stix.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
