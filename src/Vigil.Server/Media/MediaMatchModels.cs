namespace Vigil.Server.Media;

/// <summary>
/// The answer of <c>POST /api/media/match</c>: what was hashed (an image's PDQ hash and quality, or a video's frame
/// count), every visible bank hash within the distance (closest first; for a video, then the bank videos it matches
/// with vPDQ semantics) and the sightings recorded of the matched indicators.
/// </summary>
public sealed record MediaMatchResponse(
    string Name, string Kind, string? Hash, int? Quality, int? Frames, int MaxDistance, IReadOnlyList<MediaMatch> Matches,
    IReadOnlyList<MediaSighting> Sightings);

/// <summary>
/// One matched bank hash: the object carrying it, its collection and TLP, and the distance. <see cref="Algorithm"/> is
/// <c>PDQ</c> for a single hash (for a video query: the smallest distance over its frames, and how many of its frames
/// matched) or <c>vPDQ</c> for a whole bank video, whose <see cref="Hash"/> is the video's digest and whose
/// percentages say how much of the query's and of the bank video's distinct frames matched.
/// </summary>
public sealed record MediaMatch(
    string ObjectId, string ObjectType, string CollectionId, string Tlp, string Hash, int Distance, string? Label, int? MatchedFrames,
    string Algorithm = "PDQ", double? QueryMatchPercent = null, double? TargetMatchPercent = null);
