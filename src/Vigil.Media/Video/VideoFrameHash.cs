using Vigil.Media.Pdq;

namespace Vigil.Media.Video;

/// <summary>The PDQ hash of one decoded frame (frame numbers count every decoded frame from 0).</summary>
public readonly record struct VideoFrameHash(int FrameNumber, PdqHash Hash, int Quality, double TimestampSeconds);
