namespace Vigil.Server.Media;

/// <summary>
/// One whole video in a <see cref="VideoBank"/>: its digest, where its distinct frames sit in the bank's frame index
/// (<see cref="FrameStart"/>, <see cref="FrameCount"/>) and the visible objects carrying it (its file SCO, indicators).
/// </summary>
public sealed record VideoBankEntry(string Digest, int FrameStart, int FrameCount, IReadOnlyList<BankEntry> Entries);
