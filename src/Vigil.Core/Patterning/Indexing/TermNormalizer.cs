using System.Globalization;
using Vigil.Core.Patterning.Evaluation;

namespace Vigil.Core.Patterning.Indexing;

/// <summary>
/// Turns pattern constants and observed values into index keys. For any value v and constant c that the
/// evaluator finds equal, <see cref="TryKeyForValue"/> and <see cref="KeyForLiteral"/> give the same key; this
/// is the property the index relies on and the tests check.
/// </summary>
internal static class TermNormalizer
{
    public enum Outcome
    {
        Key,
        NeverEqual,
        NotIndexable,
    }

    public static Outcome KeyForLiteral(PatternLiteral literal, string? property, out TermValueKind kind, out string value)
    {
        var binaryProperty = Scalar.IsBinaryProperty(property);
        kind = TermValueKind.Text;
        value = string.Empty;
        switch (literal)
        {
            case StringLiteral s when binaryProperty:
                if (Scalar.Latin1Bytes(s.Value) is not { } bytes)
                {
                    return Outcome.NeverEqual;
                }

                kind = TermValueKind.Binary;
                value = Convert.ToHexStringLower(bytes);
                return Outcome.Key;
            case StringLiteral s:
                value = Text(s.Value);
                return Outcome.Key;
            case BinaryLiteral b when binaryProperty:
                kind = TermValueKind.Binary;
                value = Convert.ToHexStringLower(b.Bytes);
                return Outcome.Key;
            case BinaryLiteral b:
                value = Text(Scalar.Latin1String(b.Bytes));
                return Outcome.Key;
            case IntegerLiteral i:
                kind = TermValueKind.Number;
                value = Number(i.Value);
                return Outcome.Key;
            case FloatLiteral f:
                kind = TermValueKind.Number;
                value = Number(f.Value);
                return Outcome.Key;
            case BooleanLiteral bl:
                kind = TermValueKind.Boolean;
                value = bl.Value ? "true" : "false";
                return Outcome.Key;
            default:
                return Outcome.NotIndexable;
        }
    }

    public static bool TryKeyForValue(in Scalar scalar, out TermValueKind kind, out string value)
    {
        switch (scalar.Kind)
        {
            case ScalarKind.String:
                kind = TermValueKind.Text;
                value = Text(scalar.Text!);
                return true;
            case ScalarKind.Binary:
                kind = TermValueKind.Binary;
                value = Convert.ToHexStringLower(scalar.Bytes!);
                return true;
            case ScalarKind.Integer:
            case ScalarKind.Float:
                kind = TermValueKind.Number;
                value = Number(scalar.Number);
                return true;
            case ScalarKind.Boolean:
                kind = TermValueKind.Boolean;
                value = scalar.Boolean ? "true" : "false";
                return true;
            default:
                kind = TermValueKind.Text;
                value = string.Empty;
                return false;
        }
    }

    private static string Text(string text)
    {
        var folded = TextFold.Apply(text);
        return IpNetwork.TryParse(folded, out var network) ? network.ToString() : folded;
    }

    private static string Number(double number) => (number == 0 ? 0d : number).ToString("R", CultureInfo.InvariantCulture);
}
