using System.Globalization;
using Vigil.Core.Patterning.Evaluation;
using Vigil.Core.Stix;

namespace Vigil.Core.Patterning.Syntax;

/// <summary>
/// Recursive-descent parser over the STIX 2.1 pattern grammar. Precedence, loosest first: FOLLOWEDBY, OR, AND
/// between observation expressions; qualifiers bind to the expression just before them; inside brackets OR is
/// looser than AND. Chains of one operator become one n-ary node, so tree depth only grows with parentheses.
/// </summary>
internal sealed partial class PatternParser(string text, List<Token> tokens)
{
    public const int MaxDepth = 64;

    private int position;
    private int depth;

    private Token Current => tokens[position];

    public ObservationExpression ParsePattern()
    {
        if (Current.Kind == TokenKind.End)
        {
            throw Fail(Current.Start, "empty pattern");
        }

        var root = ParseFollowedBy();
        if (Current.Kind != TokenKind.End)
        {
            throw Fail(Current.Start, Current.Kind == TokenKind.RightBracket || Current.Kind == TokenKind.RightParen
                ? $"unbalanced {Current.Describe()}"
                : $"expected AND, OR, FOLLOWEDBY or a qualifier, found {Current.Describe()}");
        }

        return root;
    }

    private ObservationExpression ParseFollowedBy() => ParseObservationChain(ObservationOperator.FollowedBy, "FOLLOWEDBY", ParseObservationOr);

    private ObservationExpression ParseObservationOr() => ParseObservationChain(ObservationOperator.Or, "OR", ParseObservationAnd);

    private ObservationExpression ParseObservationAnd() => ParseObservationChain(ObservationOperator.And, "AND", ParseQualified);

    private ObservationExpression ParseObservationChain(ObservationOperator op, string keyword, Func<ObservationExpression> operand)
    {
        var start = Current.Start;
        var first = operand();
        if (!Current.IsKeyword(keyword))
        {
            return first;
        }

        var operands = new List<ObservationExpression> { first };
        while (Current.IsKeyword(keyword))
        {
            position++;
            operands.Add(operand());
        }

        return new ObservationCombination(op, operands, start);
    }

    private ObservationExpression ParseQualified()
    {
        var start = Current.Start;
        var expression = ParseObservationPrimary();
        while (true)
        {
            PatternQualifier qualifier;
            if (Current.IsKeyword("WITHIN"))
            {
                qualifier = ParseWithin();
            }
            else if (Current.IsKeyword("REPEATS"))
            {
                qualifier = ParseRepeats();
            }
            else if (Current.IsKeyword("START"))
            {
                qualifier = ParseStartStop();
            }
            else
            {
                return expression;
            }

            expression = new QualifiedObservation(expression, qualifier, start);
        }
    }

    private ObservationExpression ParseObservationPrimary()
    {
        var token = Current;
        if (token.Kind == TokenKind.LeftBracket)
        {
            Enter(token);
            position++;
            if (Current.Kind == TokenKind.RightBracket)
            {
                throw Fail(Current.Start, "empty observation expression: expected a comparison such as url:value = '...'");
            }

            var comparison = ParseComparisonOr();
            Expect(TokenKind.RightBracket, "']'");
            depth--;
            return new ObservationLeaf(comparison, token.Start);
        }

        if (token.Kind == TokenKind.LeftParen)
        {
            Enter(token);
            position++;
            var inner = ParseFollowedBy();
            Expect(TokenKind.RightParen, "')'");
            depth--;
            return inner;
        }

        throw Fail(token.Start, $"expected '[' or '(' to start an observation expression, found {token.Describe()}");
    }

    private WithinQualifier ParseWithin()
    {
        position++;
        var number = Current;
        double seconds;
        if (number.Kind == TokenKind.Integer && long.TryParse(number.Raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            seconds = whole;
        }
        else if (number.Kind == TokenKind.Float)
        {
            seconds = double.Parse(number.Raw, NumberStyles.Float, CultureInfo.InvariantCulture);
        }
        else
        {
            throw Fail(number.Start, $"expected a number of seconds after WITHIN, found {number.Describe()}");
        }

        if (seconds <= 0 || seconds > TimeSpan.MaxValue.TotalSeconds / 2)
        {
            throw Fail(number.Start, $"WITHIN needs a positive number of seconds, found {number.Describe()}");
        }

        position++;
        ExpectKeyword("SECONDS");
        return new WithinQualifier(seconds);
    }

    private RepeatsQualifier ParseRepeats()
    {
        position++;
        var number = Current;
        if (number.Kind != TokenKind.Integer)
        {
            throw Fail(number.Start, $"expected a whole number after REPEATS, found {number.Describe()}");
        }

        if (!int.TryParse(number.Raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var count) || count < 1)
        {
            throw Fail(number.Start, $"REPEATS needs a count from 1 to {int.MaxValue}, found {number.Describe()}");
        }

        position++;
        ExpectKeyword("TIMES");
        return new RepeatsQualifier(count);
    }

    private StartStopQualifier ParseStartStop()
    {
        position++;
        var start = ParseQualifierTimestamp("START");
        ExpectKeyword("STOP");
        var stopToken = Current;
        var stop = ParseQualifierTimestamp("STOP");
        if (stop <= start)
        {
            throw Fail(stopToken.Start, $"STOP {stop} must be later than START {start}");
        }

        return new StartStopQualifier(start, stop);
    }

    /// <summary>STIX 2.1 uses t'...'; a plain string holding a timestamp (the STIX 2.0 form) is accepted too.</summary>
    private StixTimestamp ParseQualifierTimestamp(string keyword)
    {
        var token = Current;
        if (token.Kind is not (TokenKind.Timestamp or TokenKind.String))
        {
            throw Fail(token.Start, $"expected a timestamp t'YYYY-MM-DDTHH:MM:SSZ' after {keyword}, found {token.Describe()}");
        }

        position++;
        return ReadTimestamp(token);
    }

    private ComparisonExpression ParseComparisonOr() => ParseComparisonChain(BooleanOperator.Or, "OR", ParseComparisonAnd);

    private ComparisonExpression ParseComparisonAnd() => ParseComparisonChain(BooleanOperator.And, "AND", ParseComparisonPrimary);

    private ComparisonExpression ParseComparisonChain(BooleanOperator op, string keyword, Func<ComparisonExpression> operand)
    {
        var start = Current.Start;
        var first = operand();
        if (!Current.IsKeyword(keyword))
        {
            return first;
        }

        var operands = new List<ComparisonExpression> { first };
        while (Current.IsKeyword(keyword))
        {
            position++;
            operands.Add(operand());
        }

        return new ComparisonCombination(op, operands, start);
    }

    private ComparisonExpression ParseComparisonPrimary()
    {
        var token = Current;
        if (token.Kind == TokenKind.LeftParen)
        {
            Enter(token);
            position++;
            var inner = ParseComparisonOr();
            Expect(TokenKind.RightParen, "')'");
            depth--;
            return inner;
        }

        if (token.IsKeyword("EXISTS"))
        {
            position++;
            return new ExistsComparison(ParseObjectPath(), token.Start);
        }

        if (token.Kind != TokenKind.Identifier || Keywords.IsReserved(token.Raw))
        {
            throw Fail(token.Start, $"expected a comparison such as url:value = '...', found {token.Describe()}");
        }

        var path = ParseObjectPath();
        var negated = false;
        if (Current.IsKeyword("NOT"))
        {
            negated = true;
            position++;
        }

        var operatorToken = Current;
        var op = ReadOperator(operatorToken);
        position++;
        return ParseOperand(path, op, negated, token.Start);
    }

    private ComparisonOperator ReadOperator(Token token)
    {
        switch (token.Kind)
        {
            case TokenKind.Equal: return ComparisonOperator.Equal;
            case TokenKind.NotEqual: return ComparisonOperator.NotEqual;
            case TokenKind.Less: return ComparisonOperator.LessThan;
            case TokenKind.LessOrEqual: return ComparisonOperator.LessThanOrEqual;
            case TokenKind.Greater: return ComparisonOperator.GreaterThan;
            case TokenKind.GreaterOrEqual: return ComparisonOperator.GreaterThanOrEqual;
            case TokenKind.Identifier:
                switch (token.Raw)
                {
                    case "IN": return ComparisonOperator.In;
                    case "LIKE": return ComparisonOperator.Like;
                    case "MATCHES": return ComparisonOperator.Matches;
                    case "ISSUBSET": return ComparisonOperator.IsSubset;
                    case "ISSUPERSET": return ComparisonOperator.IsSuperset;
                }

                var hint = Keywords.IsOperator(token.Raw.ToUpperInvariant()) ? $" (operators are upper case: {token.Raw.ToUpperInvariant()})" : string.Empty;
                throw Fail(token.Start, $"unknown operator '{token.Raw}'{hint}");
            case TokenKind.End:
                throw Fail(token.Start, "expected a comparison operator (=, !=, <, <=, >, >=, IN, LIKE, MATCHES, ISSUBSET, ISSUPERSET), found end of pattern");
            default:
                throw Fail(token.Start, $"expected a comparison operator, found {token.Describe()}");
        }
    }

    private PropertyComparison ParseOperand(ObjectPath path, ComparisonOperator op, bool negated, int start)
    {
        var token = Current;
        switch (op)
        {
            case ComparisonOperator.In:
                return new PropertyComparison(path, op, negated, ParseList(), start);
            case ComparisonOperator.Like:
                return new PropertyComparison(path, op, negated, ExpectString("LIKE"), start);
            case ComparisonOperator.Matches:
                var regexText = ExpectString("MATCHES");
                if (!PatternRegex.TryCreate(regexText.Value, out var regex, out var regexError))
                {
                    throw Fail(token.Start, $"invalid regular expression after MATCHES: {regexError}");
                }

                return new PropertyComparison(path, op, negated, regexText, start, regex);
            case ComparisonOperator.IsSubset:
            case ComparisonOperator.IsSuperset:
                var keyword = op == ComparisonOperator.IsSubset ? "ISSUBSET" : "ISSUPERSET";
                var network = ExpectString(keyword);
                if (network.Network is null)
                {
                    throw Fail(token.Start, $"{keyword} needs an IP address or CIDR block such as '198.51.100.0/24', found {token.Describe()}");
                }

                return new PropertyComparison(path, op, negated, network, start);
            default:
                var literal = ParseLiteral();
                if (literal is BooleanLiteral && op is not (ComparisonOperator.Equal or ComparisonOperator.NotEqual))
                {
                    throw Fail(token.Start, "true and false can only be compared with = or !=");
                }

                return new PropertyComparison(path, op, negated, literal, start);
        }
    }

    private ObjectPath ParseObjectPath()
    {
        var typeToken = Current;
        if (typeToken.Kind != TokenKind.Identifier || Keywords.IsReserved(typeToken.Raw))
        {
            throw Fail(typeToken.Start, $"expected an object type such as file or domain-name, found {typeToken.Describe()}");
        }

        position++;
        if (Current.Kind != TokenKind.Colon)
        {
            throw Fail(Current.Start, $"expected ':' after object type '{typeToken.Raw}', found {Current.Describe()}");
        }

        position++;
        var steps = new List<PathStep> { PathStep.Property(ReadPropertyName("a property name after ':'")) };
        while (true)
        {
            if (Current.Kind == TokenKind.Dot)
            {
                position++;
                steps.Add(PathStep.Property(ReadPropertyName("a property name after '.'")));
            }
            else if (Current.Kind == TokenKind.LeftBracket)
            {
                position++;
                var index = Current;
                if (index.Kind == TokenKind.Asterisk)
                {
                    steps.Add(PathStep.AnyIndex);
                }
                else if (index.Kind == TokenKind.Integer && int.TryParse(index.Raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var at))
                {
                    steps.Add(PathStep.At(at));
                }
                else
                {
                    throw Fail(index.Start, $"expected a list index or '*', found {index.Describe()}");
                }

                position++;
                Expect(TokenKind.RightBracket, "']' after the list index");
            }
            else
            {
                return new ObjectPath(typeToken.Raw, steps);
            }
        }
    }

    /// <summary>A property is an identifier or a quoted name; hyphenated identifiers (the STIX 2.0 form) are accepted.</summary>
    private string ReadPropertyName(string expected)
    {
        var token = Current;
        if (token.Kind == TokenKind.String && token.Text!.Length > 0)
        {
            position++;
            return token.Text;
        }

        if (token.Kind == TokenKind.Identifier)
        {
            position++;
            return token.Raw;
        }

        throw Fail(token.Start, $"expected {expected}, found {token.Describe()}");
    }

    private void Expect(TokenKind kind, string description)
    {
        if (Current.Kind != kind)
        {
            throw Fail(Current.Start, $"expected {description}, found {Current.Describe()}");
        }

        position++;
    }

    private void ExpectKeyword(string keyword)
    {
        if (!Current.IsKeyword(keyword))
        {
            throw Fail(Current.Start, $"expected {keyword}, found {Current.Describe()}");
        }

        position++;
    }

    private void Enter(Token token)
    {
        if (++depth > MaxDepth)
        {
            throw Fail(token.Start, $"nesting too deep (more than {MaxDepth} levels of brackets and parentheses)");
        }
    }

    private StixPatternException Fail(int index, string message) => new(PatternError.At(text, index, message));
}
