namespace Vigil.Core.Patterning;

/// <summary>One step of an object path: a property name, a list index, or every list element (<c>[*]</c>).</summary>
public readonly record struct PathStep(PathStepKind Kind, string? Key, int Index)
{
    public static PathStep Property(string name) => new(PathStepKind.Key, name, 0);

    public static PathStep At(int index) => new(PathStepKind.Index, null, index);

    public static PathStep AnyIndex { get; } = new(PathStepKind.AnyIndex, null, 0);
}
