using System.Globalization;
using Vigil.Core.Sharing;

namespace Vigil.Server.Web.Exchange;

/// <summary>One object in the graph, drawn as a box whose label sits at (X, Y). <see cref="Visible"/> is false for an object only known by its reference.</summary>
public sealed record GraphNode(string Id, string Label, string Type, double X, double Y, bool Visible, TlpLevel? Tlp)
{
    public const double BoxWidth = 176;
    public const double BoxHeight = 38;

    public double BoxCenterY => Y - 5;
    public string XText => Format(X);
    public string YText => Format(Y);
    public string BoxLeftText => Format(X - (BoxWidth / 2));
    public string BoxTopText => Format(BoxCenterY - (BoxHeight / 2));
    public string TypeYText => Format(Y + 11);

    /// <summary>The label cut to fit a node.</summary>
    public string ShortLabel => Label.Length <= 26 ? Label : string.Concat(Label.AsSpan(0, 25), "…");

    private static string Format(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
