using Vigil.Media.Video;

namespace Vigil.Server.Media;

/// <summary>
/// A whole-video (vPDQ) hash found in a STIX object: its digest, and its frames when the object carries them (a file
/// SCO does; an indicator only names the digest).
/// </summary>
public sealed record VpdqStixHash(string Digest, IReadOnlyList<VideoFrameHash>? Frames, string ObjectId, string ObjectType, string? Label, string? Name);
