namespace Vigil.Storage.Disclosures;

/// <summary>A STIX object published with a disclosure, re-marked TLP:CLEAR; <see cref="OriginalTlp"/> is the marking it had in the exchange.</summary>
public sealed record DisclosedObject(string ObjectId, string Type, Vigil.Core.Sharing.TlpLevel OriginalTlp, string Json);
