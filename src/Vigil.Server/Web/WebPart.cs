namespace Vigil.Server.Web;

/// <summary>One part of the exchange in the main navigation, with the paths of its pages and what it offers so far.</summary>
public sealed record WebPart(string Title, string Path, IReadOnlyList<string> Prefixes, string Summary, IReadOnlyList<string> Apis);
