namespace Vigil.Core.Stix.Json;

/// <summary>What is wrong with a JSON body and where: 1-based line, 1-based byte in that line, byte offset, JSON path.</summary>
public sealed record StixJsonError(StixJsonErrorKind Kind, string Message, long Line, long BytePositionInLine, long ByteOffset, string? Path)
{
    public override string ToString() =>
        Line > 0 ? $"{Message} (line {Line}, byte {BytePositionInLine}{(Path is null ? "" : ", at " + Path)})" : Message;
}
