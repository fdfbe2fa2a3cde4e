namespace Vigil.Server.Media;

/// <summary>
/// The answer of <c>POST /api/media/match</c>: what was hashed (an image's PDQ hash and quality, or a video's frame
/// count) and every visible bank hash within the distance, closest first.
/// </summary>
public sealed record MediaMatchResponse(string Name, string Kind, string? Hash, int? Quality, int? Frames, int MaxDistance, IReadOnlyList<MediaMatch> Matches);

/// <summary>
/// One matched bank hash: the object carrying it, its collection and TLP, and the distance (for a video, the smallest
/// over its frames, and how many of the query's frames matched it).
/// </summary>
public sealed record MediaMatch(string ObjectId, string ObjectType, string CollectionId, string Tlp, string Hash, int Distance, string? Label, int? MatchedFrames);
