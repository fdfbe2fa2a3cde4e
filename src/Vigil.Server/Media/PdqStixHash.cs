using Vigil.Media.Pdq;

namespace Vigil.Server.Media;

/// <summary>A PDQ hash found in a STIX object: a file SCO's <c>hashes.PDQ</c> or a PDQ comparison in an indicator's pattern.</summary>
public sealed record PdqStixHash(PdqHash Hash, string ObjectId, string ObjectType, string? Label, string? Name);
