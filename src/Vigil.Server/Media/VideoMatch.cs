using Vigil.Media.Video;

namespace Vigil.Server.Media;

/// <summary>A bank video matched with vPDQ semantics: the percentages, the closest frame distance and the query frames that matched.</summary>
public sealed record VideoMatch(VideoBankEntry Video, VpdqMatchResult Result, int MinDistance, int MatchedQueryFrames);
