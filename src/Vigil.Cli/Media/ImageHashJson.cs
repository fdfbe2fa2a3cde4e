namespace Vigil.Cli.Media;

/// <summary><c>vigil hash --json</c> for an image: the PDQ hash and quality, the decoded size and the 8 dihedral hashes in the reference's order.</summary>
public sealed record ImageHashJson(string Path, string Kind, string Hash, int Quality, int Width, int Height, string Format, int ExifOrientation, IReadOnlyList<string> Dihedral);
