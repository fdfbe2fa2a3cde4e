namespace Vigil.Storage.Objects;

/// <summary>Why one object of an envelope was refused: its index in <c>objects</c>, its id and a reason naming the property.</summary>
public sealed record ObjectFailure(int Index, string Id, string? Version, string Message)
{
    /// <summary>Set when the data-minimization policy refused the object: the rule and the field that triggered it.</summary>
    public Vigil.Core.Privacy.ShareDecision? PolicyRefusal { get; init; }
}
