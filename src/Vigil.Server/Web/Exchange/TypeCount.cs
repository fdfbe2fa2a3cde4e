namespace Vigil.Server.Web.Exchange;

/// <summary>How many visible objects (latest versions) have one type.</summary>
public sealed record TypeCount(string Type, long Count);
