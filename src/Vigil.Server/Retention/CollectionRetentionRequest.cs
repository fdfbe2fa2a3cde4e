namespace Vigil.Server.Retention;

/// <summary>The body of <c>PUT /api/admin/collections/{id}/retention</c>.</summary>
public sealed record CollectionRetentionRequest
{
    /// <summary>Days after date_added (of an object's newest version) when the object expires, 1 to 36500.</summary>
    public required int Days { get; init; }

    /// <summary>Only objects carrying personal data expire (private messages, non-public account data, email contents).</summary>
    public bool PersonalDataOnly { get; init; }
}
