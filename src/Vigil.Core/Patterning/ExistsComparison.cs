namespace Vigil.Core.Patterning;

/// <summary><c>EXISTS object-type:path</c>: the property is present.</summary>
public sealed record ExistsComparison : ComparisonExpression
{
    public ExistsComparison(ObjectPath path, int position)
        : base(position)
    {
        Path = path;
        ObjectTypes = [path.ObjectType];
    }

    public ObjectPath Path { get; }

    public override IReadOnlyList<string> ObjectTypes { get; }
}
