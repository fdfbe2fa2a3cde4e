namespace Vigil.Core.Events;

/// <summary>
/// Data was deleted or erased (<see cref="HubEventKinds.DataDeleted"/>): what (an object, a case), why (a reason token)
/// and by whom (a pseudonymous <c>user:ID</c> / <c>key:ID</c>, or <see cref="RetentionPolicy"/>). Never the data itself.
/// </summary>
public sealed record DataDeletion(string SubjectId, string Reason, string DeletedBy, DateTimeOffset At)
{
    /// <summary>The author deleted its own object versions (TAXII <c>DELETE</c>).</summary>
    public const string AuthorRequest = "author-request";

    /// <summary>A retention period ran out.</summary>
    public const string Retention = "retention";

    /// <summary>The deleter when retention deletes: no person did.</summary>
    public const string RetentionPolicy = "retention-policy";
}
