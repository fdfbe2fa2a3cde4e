namespace Vigil.Core.Patterning.Evaluation;

/// <summary>
/// The comparison rules: numbers compare by value (5 = 5.0); text compares ordinally (case-insensitively for hashes
/// and domain names, as address blocks for IP values); text and binary compare when every character is below 256;
/// a timestamp literal compares with a property holding a STIX timestamp. Any other pairing is unequal and unordered.
/// </summary>
internal static class ValueComparer
{
    public static bool Test(PropertyComparison comparison, in ResolvedValue resolved)
    {
        var scalar = Scalar.From(resolved.Node, resolved.Property);
        if (scalar.Kind == ScalarKind.None)
        {
            return false;
        }

        var result = comparison.Operator switch
        {
            ComparisonOperator.Equal => Equal(scalar, comparison.Value, resolved),
            ComparisonOperator.NotEqual => !Equal(scalar, comparison.Value, resolved),
            ComparisonOperator.LessThan => Compare(scalar, comparison.Value, resolved) is < 0,
            ComparisonOperator.LessThanOrEqual => Compare(scalar, comparison.Value, resolved) is <= 0,
            ComparisonOperator.GreaterThan => Compare(scalar, comparison.Value, resolved) is > 0,
            ComparisonOperator.GreaterThanOrEqual => Compare(scalar, comparison.Value, resolved) is >= 0,
            ComparisonOperator.In => comparison.Value is ListLiteral list && In(scalar, list, resolved),
            ComparisonOperator.Like => scalar.Kind == ScalarKind.String && comparison.Value is StringLiteral like
                && LikeMatcher.IsMatch(scalar.Text!, like.Value, resolved.IgnoreCase),
            ComparisonOperator.Matches => comparison.MatchesExpression is { } regex && Matches(scalar, regex),
            ComparisonOperator.IsSubset => comparison.Value is StringLiteral { Network: { } outer } && Network(scalar) is { } subset && outer.Contains(subset),
            _ => comparison.Value is StringLiteral { Network: { } inner } && Network(scalar) is { } superset && superset.Contains(inner),
        };
        return result != comparison.Negated;
    }

    public static bool Equal(in Scalar value, PatternLiteral literal, in ResolvedValue resolved)
    {
        switch (literal)
        {
            case StringLiteral s:
                return value.Kind switch
                {
                    ScalarKind.String => TextEqual(value.Text!, s.Value, s.Network, resolved),
                    ScalarKind.Binary => Scalar.Latin1Bytes(s.Value) is { } bytes && bytes.AsSpan().SequenceEqual(value.Bytes),
                    _ => false,
                };
            case BinaryLiteral b:
                return value.Kind switch
                {
                    ScalarKind.Binary => b.Bytes.AsSpan().SequenceEqual(value.Bytes),
                    ScalarKind.String => TextEqual(value.Text!, Scalar.Latin1String(b.Bytes), null, resolved),
                    _ => false,
                };
            case IntegerLiteral i:
                return value.Kind switch
                {
                    ScalarKind.Integer => value.Integer == i.Value,
                    ScalarKind.Float => value.Number == i.Value,
                    _ => false,
                };
            case FloatLiteral f:
                return value.Kind is ScalarKind.Integer or ScalarKind.Float && value.Number == f.Value;
            case BooleanLiteral bl:
                return value.Kind == ScalarKind.Boolean && value.Boolean == bl.Value;
            case TimestampLiteral t:
                return value.Kind == ScalarKind.String && Stix.StixTimestamp.TryParse(value.Text, out var ts) && ts.Utc == t.Value.Utc;
            default:
                return false;
        }
    }

    /// <summary>Orders the value against the literal; null when the two cannot be ordered.</summary>
    public static int? Compare(in Scalar value, PatternLiteral literal, in ResolvedValue resolved)
    {
        switch (literal)
        {
            case StringLiteral s:
                if (value.Kind == ScalarKind.String)
                {
                    return Math.Sign(resolved.IgnoreCase ? TextFold.Compare(value.Text!, s.Value) : string.CompareOrdinal(value.Text, s.Value));
                }

                return value.Kind == ScalarKind.Binary && Scalar.Latin1Bytes(s.Value) is { } bytes
                    ? Math.Sign(value.Bytes.AsSpan().SequenceCompareTo(bytes))
                    : null;
            case BinaryLiteral b:
                if (value.Kind == ScalarKind.Binary)
                {
                    return Math.Sign(value.Bytes.AsSpan().SequenceCompareTo(b.Bytes));
                }

                return value.Kind == ScalarKind.String && Scalar.Latin1Bytes(value.Text!) is { } textBytes
                    ? Math.Sign(textBytes.AsSpan().SequenceCompareTo(b.Bytes))
                    : null;
            case IntegerLiteral i:
                return value.Kind switch
                {
                    ScalarKind.Integer => value.Integer.CompareTo(i.Value),
                    ScalarKind.Float => value.Number.CompareTo((double)i.Value),
                    _ => null,
                };
            case FloatLiteral f:
                return value.Kind is ScalarKind.Integer or ScalarKind.Float ? value.Number.CompareTo(f.Value) : null;
            case TimestampLiteral t:
                return value.Kind == ScalarKind.String && Stix.StixTimestamp.TryParse(value.Text, out var ts) ? ts.Utc.CompareTo(t.Value.Utc) : null;
            default:
                return null;
        }
    }

    private static bool In(in Scalar value, ListLiteral list, in ResolvedValue resolved)
    {
        foreach (var item in list.Items)
        {
            if (Equal(value, item, resolved))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TextEqual(string value, string literal, IpNetwork? literalNetwork, in ResolvedValue resolved)
    {
        if (resolved.IsAddress)
        {
            var network = literalNetwork ?? (IpNetwork.TryParse(literal, out var parsed) ? parsed : null);
            if (network is { } n && IpNetwork.TryParse(value, out var observed))
            {
                return observed == n;
            }
        }

        return resolved.IgnoreCase ? TextFold.Equal(value, literal) : string.Equals(value, literal, StringComparison.Ordinal);
    }

    private static bool Matches(in Scalar value, PatternRegex regex)
    {
        var text = value.Kind switch
        {
            ScalarKind.String => value.Text,
            ScalarKind.Binary => Scalar.Latin1String(value.Bytes!),
            _ => null,
        };
        if (text is null)
        {
            return false;
        }

        return regex.IsMatch(text);
    }

    private static IpNetwork? Network(in Scalar value) =>
        value.Kind == ScalarKind.String && IpNetwork.TryParse(value.Text, out var network) ? network : null;
}
