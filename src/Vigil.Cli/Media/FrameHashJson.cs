namespace Vigil.Cli.Media;

/// <summary>One vPDQ frame in <see cref="VideoHashJson"/>.</summary>
public sealed record FrameHashJson(int Frame, int Quality, string Hash, double Seconds);
