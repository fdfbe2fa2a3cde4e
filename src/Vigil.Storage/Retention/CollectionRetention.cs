namespace Vigil.Storage.Retention;

/// <summary>
/// A collection's retention rule: objects expire <see cref="Days"/> days after date_added (of their newest version), all of
/// them or, with <see cref="PersonalDataOnly"/>, only those carrying personal data (see <see cref="PersonalData"/>).
/// </summary>
public sealed record CollectionRetention(string CollectionId, int Days, bool PersonalDataOnly, string ChangedBy, DateTimeOffset ChangedAt)
{
    /// <summary>The longest period a rule may name (100 years).</summary>
    public const int MaxDays = 36_500;
}
