namespace Vigil.Core.Patterning;

/// <summary>Why a pattern is invalid and where: <see cref="Index"/> is the 0-based character offset,
/// <see cref="Line"/> and <see cref="Column"/> are 1-based.</summary>
public sealed record PatternError(string Message, int Index, int Line, int Column)
{
    internal static PatternError At(string text, int index, string message)
    {
        index = Math.Clamp(index, 0, text.Length);
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new PatternError($"{message} at {index}", index, line, index - lineStart + 1);
    }

    public override string ToString() => $"{Message} (line {Line}, column {Column})";
}
