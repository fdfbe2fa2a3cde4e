namespace Vigil.Cli.Media;

/// <summary><c>vigil hash --json</c> for a video: its size, frame rate and vPDQ frames.</summary>
public sealed record VideoHashJson(string Path, string Kind, int Width, int Height, double FrameRate, IReadOnlyList<FrameHashJson> Frames);
