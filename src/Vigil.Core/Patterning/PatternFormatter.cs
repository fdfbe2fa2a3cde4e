using System.Globalization;
using System.Text;

namespace Vigil.Core.Patterning;

/// <summary>Writes a pattern tree back as canonical pattern text that parses to the same tree.</summary>
public static class PatternFormatter
{
    public static string Format(ObservationExpression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var builder = new StringBuilder();
        Write(builder, expression);
        return builder.ToString();
    }

    public static string Format(ComparisonExpression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var builder = new StringBuilder();
        Write(builder, expression);
        return builder.ToString();
    }

    public static string FormatSteps(IReadOnlyList<PathStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var builder = new StringBuilder();
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            switch (step.Kind)
            {
                case PathStepKind.Key:
                    if (i > 0)
                    {
                        builder.Append('.');
                    }

                    if (IsPlainName(step.Key!))
                    {
                        builder.Append(step.Key);
                    }
                    else
                    {
                        WriteString(builder, step.Key!);
                    }

                    break;
                case PathStepKind.Index:
                    builder.Append('[').Append(step.Index.ToString(CultureInfo.InvariantCulture)).Append(']');
                    break;
                default:
                    builder.Append("[*]");
                    break;
            }
        }

        return builder.ToString();
    }

    public static string FormatLiteral(PatternLiteral literal)
    {
        ArgumentNullException.ThrowIfNull(literal);
        var builder = new StringBuilder();
        Write(builder, literal);
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, ObservationExpression expression)
    {
        switch (expression)
        {
            case ObservationLeaf leaf:
                builder.Append('[');
                Write(builder, leaf.Comparison);
                builder.Append(']');
                break;
            case ObservationCombination combination:
                var keyword = combination.Operator switch
                {
                    ObservationOperator.And => " AND ",
                    ObservationOperator.Or => " OR ",
                    _ => " FOLLOWEDBY ",
                };
                for (var i = 0; i < combination.Operands.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(keyword);
                    }

                    WriteObservationOperand(builder, combination.Operands[i]);
                }

                break;
            case QualifiedObservation qualified:
                WriteObservationOperand(builder, qualified.Inner);
                builder.Append(' ');
                Write(builder, qualified.Qualifier);
                break;
        }
    }

    private static void WriteObservationOperand(StringBuilder builder, ObservationExpression operand)
    {
        if (operand is ObservationCombination)
        {
            builder.Append('(');
            Write(builder, operand);
            builder.Append(')');
        }
        else
        {
            Write(builder, operand);
        }
    }

    private static void Write(StringBuilder builder, PatternQualifier qualifier)
    {
        switch (qualifier)
        {
            case WithinQualifier within:
                var seconds = within.Seconds;
                builder.Append("WITHIN ")
                    .Append(seconds == Math.Floor(seconds) && seconds < 1e15
                        ? ((long)seconds).ToString(CultureInfo.InvariantCulture)
                        : FormatFloat(seconds))
                    .Append(" SECONDS");
                break;
            case RepeatsQualifier repeats:
                builder.Append("REPEATS ").Append(repeats.Count.ToString(CultureInfo.InvariantCulture)).Append(" TIMES");
                break;
            case StartStopQualifier startStop:
                builder.Append("START t'").Append(startStop.Start.Text).Append("' STOP t'").Append(startStop.Stop.Text).Append('\'');
                break;
        }
    }

    private static void Write(StringBuilder builder, ComparisonExpression expression)
    {
        switch (expression)
        {
            case ComparisonCombination combination:
                var keyword = combination.Operator == BooleanOperator.And ? " AND " : " OR ";
                for (var i = 0; i < combination.Operands.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(keyword);
                    }

                    var operand = combination.Operands[i];
                    if (operand is ComparisonCombination)
                    {
                        builder.Append('(');
                        Write(builder, operand);
                        builder.Append(')');
                    }
                    else
                    {
                        Write(builder, operand);
                    }
                }

                break;
            case ExistsComparison exists:
                builder.Append("EXISTS ").Append(exists.Path);
                break;
            case PropertyComparison comparison:
                builder.Append(comparison.Path).Append(' ');
                if (comparison.Negated)
                {
                    builder.Append("NOT ");
                }

                builder.Append(comparison.Operator switch
                {
                    ComparisonOperator.Equal => "=",
                    ComparisonOperator.NotEqual => "!=",
                    ComparisonOperator.LessThan => "<",
                    ComparisonOperator.LessThanOrEqual => "<=",
                    ComparisonOperator.GreaterThan => ">",
                    ComparisonOperator.GreaterThanOrEqual => ">=",
                    ComparisonOperator.In => "IN",
                    ComparisonOperator.Like => "LIKE",
                    ComparisonOperator.Matches => "MATCHES",
                    ComparisonOperator.IsSubset => "ISSUBSET",
                    _ => "ISSUPERSET",
                }).Append(' ');
                Write(builder, comparison.Value);
                break;
        }
    }

    private static void Write(StringBuilder builder, PatternLiteral literal)
    {
        switch (literal)
        {
            case StringLiteral s:
                WriteString(builder, s.Value);
                break;
            case IntegerLiteral i:
                builder.Append(i.Value.ToString(CultureInfo.InvariantCulture));
                break;
            case FloatLiteral f:
                builder.Append(FormatFloat(f.Value));
                break;
            case BooleanLiteral b:
                builder.Append(b.Value ? "true" : "false");
                break;
            case BinaryLiteral { IsHex: true } hex:
                builder.Append("h'").Append(Convert.ToHexStringLower(hex.Bytes)).Append('\'');
                break;
            case BinaryLiteral base64:
                builder.Append("b'").Append(Convert.ToBase64String(base64.Bytes)).Append('\'');
                break;
            case TimestampLiteral t:
                builder.Append("t'").Append(t.Value.Text).Append('\'');
                break;
            case ListLiteral list:
                builder.Append('(');
                for (var i = 0; i < list.Items.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(", ");
                    }

                    Write(builder, list.Items[i]);
                }

                builder.Append(')');
                break;
        }
    }

    /// <summary>Pattern floats have no exponent, so write every digit.</summary>
    private static string FormatFloat(double value)
    {
        var text = value.ToString("0.0###############################", CultureInfo.InvariantCulture);
        return text;
    }

    private static void WriteString(StringBuilder builder, string value)
    {
        builder.Append('\'');
        foreach (var c in value)
        {
            if (c is '\'' or '\\')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        builder.Append('\'');
    }

    private static bool IsPlainName(string name)
    {
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return name is not ("AND" or "OR" or "NOT" or "IN" or "LIKE" or "MATCHES" or "EXISTS" or "true" or "false");
    }
}
