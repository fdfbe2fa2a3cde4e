namespace Vigil.Core.Patterning;

/// <summary><c>h'ffd8'</c> (hex) or <c>b'/9g='</c> (base64), decoded to bytes.</summary>
public sealed record BinaryLiteral(byte[] Bytes, bool IsHex) : PatternLiteral;
