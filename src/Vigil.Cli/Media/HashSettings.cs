namespace Vigil.Cli.Media;

/// <summary>How <c>vigil hash</c> runs: JSON output, every file as a video, and the video sampling rate.</summary>
public sealed record HashSettings(bool Json = false, bool Video = false, double FramesPerSecond = 1.0);
