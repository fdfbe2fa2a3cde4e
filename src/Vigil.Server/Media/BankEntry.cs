using Vigil.Core.Sharing;

namespace Vigil.Server.Media;

/// <summary>Where one indexed hash came from: the object carrying it and the collection the reader saw it in.</summary>
public sealed record BankEntry(string ObjectId, string ObjectType, string CollectionId, TlpLevel Tlp, string? Label);
