using CsCheck;

namespace Vigil.Storage.Tests.Objects;

/// <summary>A random world for the sharing-policy properties: orgs, sharing groups, collections and object versions.</summary>
public sealed record PolicyScenario(int Orgs, int[] GroupMasks, CollectionSpec[] Collections, ObjectSpec[] Objects, int PageSize)
{
    public static Gen<PolicyScenario> Gen { get; } =
        CsCheck.Gen.Select(
            CsCheck.Gen.Int[2, 4],
            CsCheck.Gen.Int[0, 15].Array[0, 2],
            CollectionSpec.Gen.Array[1, 3],
            ObjectSpec.Gen.Array[1, 14],
            CsCheck.Gen.Int[1, 5],
            (orgs, groups, collections, objects, page) => new PolicyScenario(orgs, groups, collections, objects, page));

    public override string ToString() =>
        $"orgs={Orgs} groups=[{string.Join(",", GroupMasks)}] collections=[{string.Join("; ", Collections)}] objects=[{string.Join("; ", Objects)}] page={PageSize}";
}

/// <summary>Which orgs (bit masks over org indexes) read and write a collection, its default TLP and openness.</summary>
public sealed record CollectionSpec(int ReadMask, int WriteMask, int DefaultTlp, bool PublicRead, bool AllMembersRead)
{
    public static Gen<CollectionSpec> Gen { get; } =
        CsCheck.Gen.Select(CsCheck.Gen.Int[0, 15], CsCheck.Gen.Int[1, 15], CsCheck.Gen.Int[0, 4], CsCheck.Gen.Bool, CsCheck.Gen.Bool,
            (read, write, tlp, open, all) => new CollectionSpec(read, write, tlp, open, all));
}

/// <summary>
/// One object: its collection and author (indexes, taken modulo), its TLP (5 = no marking: the collection default),
/// recipients (bit mask over org identities, groups, two users and the collection), version count and whether the
/// last version revokes it.
/// </summary>
public sealed record ObjectSpec(int Collection, int Author, int Tlp, int RecipientMask, int Versions, bool RevokeLast, int[] VersionTlps)
{
    public static Gen<ObjectSpec> Gen { get; } =
        CsCheck.Gen.Select(CsCheck.Gen.Int[0, 2], CsCheck.Gen.Int[0, 3], CsCheck.Gen.Int[0, 5], CsCheck.Gen.Int[0, 511], CsCheck.Gen.Int[1, 3],
            CsCheck.Gen.Int[0, 5].Select(v => v == 0), CsCheck.Gen.Int[0, 5].Array[3],
            (c, a, t, r, v, revoke, tlps) => new ObjectSpec(c, a, t, r, v, revoke, tlps));

    public override string ToString() => $"c{Collection} a{Author} tlp{Tlp} r{RecipientMask} v{Versions}{(RevokeLast ? " revoked" : "")} [{string.Join(",", VersionTlps)}]";
}
