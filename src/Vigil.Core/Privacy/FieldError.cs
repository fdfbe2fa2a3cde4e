namespace Vigil.Core.Privacy;

/// <summary>Bad input the caller can fix: the JSON path of the field and what is wrong with it.</summary>
public sealed record FieldError(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}
