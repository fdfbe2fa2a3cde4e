namespace Vigil.Core.Patterning;

/// <summary><c>object-type:first.second[*].third</c>: the object type and the steps into the object.</summary>
public sealed record ObjectPath
{
    public ObjectPath(string objectType, IReadOnlyList<PathStep> steps)
    {
        ObjectType = objectType;
        Steps = steps;
        PropertyPath = PatternFormatter.FormatSteps(steps);
        LastKey = null;
        for (var i = steps.Count - 1; i >= 0; i--)
        {
            if (steps[i].Kind == PathStepKind.Key)
            {
                LastKey = steps[i].Key;
                break;
            }
        }
    }

    public string ObjectType { get; }

    public IReadOnlyList<PathStep> Steps { get; }

    /// <summary>The steps in canonical text, e.g. <c>hashes.'SHA-256'</c>.</summary>
    public string PropertyPath { get; }

    /// <summary>The name of the property that holds the compared value (the last key step).</summary>
    public string? LastKey { get; }

    public override string ToString() => ObjectType + ":" + PropertyPath;
}
