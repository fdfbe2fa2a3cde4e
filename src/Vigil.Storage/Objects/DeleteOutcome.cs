namespace Vigil.Storage.Objects;

/// <summary>What a delete did: removed versions, nothing to delete the reader may see, or versions it may see but not delete.</summary>
public enum DeleteOutcome
{
    Deleted,
    NotFound,
    Forbidden,
}
