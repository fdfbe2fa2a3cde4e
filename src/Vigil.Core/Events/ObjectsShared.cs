namespace Vigil.Core.Events;

/// <summary>
/// An envelope stored <see cref="Count"/> new versions in one collection, with date_added (seq) from
/// <see cref="FirstSeq"/> to <see cref="LastSeq"/>; writes are serialized, so no other version lies in that range.
/// </summary>
public sealed record ObjectsShared(string CollectionId, string AuthorOrgId, long FirstSeq, long LastSeq, int Count);
