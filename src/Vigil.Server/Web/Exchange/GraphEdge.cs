using System.Globalization;

namespace Vigil.Server.Web.Exchange;

/// <summary>A link from one object to another, labelled with the relationship type, drawn between the edges of the two boxes.</summary>
public sealed record GraphEdge(GraphNode From, GraphNode To, string Label)
{
    public string X1Text => Format(Clip(From, To).X);
    public string Y1Text => Format(Clip(From, To).Y);
    public string X2Text => Format(Clip(To, From).X);
    public string Y2Text => Format(Clip(To, From).Y);
    public string MidXText => Format((From.X + To.X) / 2);
    public string MidYText => Format(((From.BoxCenterY + To.BoxCenterY) / 2) + 4);

    /// <summary>Where the line from the other node's centre leaves this node's box, so the arrowhead shows.</summary>
    private static (double X, double Y) Clip(GraphNode node, GraphNode other)
    {
        var dx = other.X - node.X;
        var dy = other.BoxCenterY - node.BoxCenterY;
        if (dx == 0 && dy == 0)
        {
            return (node.X, node.BoxCenterY);
        }

        var scale = Math.Min(dx == 0 ? double.MaxValue : GraphNode.BoxWidth / 2 / Math.Abs(dx), dy == 0 ? double.MaxValue : GraphNode.BoxHeight / 2 / Math.Abs(dy));
        return (node.X + (dx * scale), node.BoxCenterY + (dy * scale));
    }

    private static string Format(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
