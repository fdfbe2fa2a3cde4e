using Vigil.Media.Video;

namespace Vigil.Cli.Media;

/// <summary>One whole video of a bank file: its vPDQ frames, their digest, an optional label and where it came from.</summary>
public sealed record BankVideo(string Digest, IReadOnlyList<VideoFrameHash> Frames, string? Label, string? Source);
