using CsCheck;
using Vigil.Core.Members;
using Vigil.Core.Sharing;
using Vigil.Server.Access;

namespace Vigil.Server.Tests.Access;

public sealed class CallerScopeProperties
{
    private static readonly string[] Orgs = ["a", "b", "c", "d"];
    private static readonly string[] CollectionIds = ["c1", "c2", "c3"];

    private static readonly Gen<string[]> OrgSubset = Gen.Bool.Array[Orgs.Length].Select(pick => Orgs.Where((_, i) => pick[i]).ToArray());
    private static readonly Gen<string[]> CollectionSubset = Gen.Bool.Array[CollectionIds.Length].Select(pick => CollectionIds.Where((_, i) => pick[i]).ToArray());

    private static readonly Gen<Collection> Collections =
        Gen.Select(Gen.OneOf(CollectionIds), OrgSubset, OrgSubset, Gen.Bool.Array[3], (id, read, write, flags) => new Collection
        {
            Id = id, ApiRoot = "vigil", Title = id, ReadOrgIds = read, WriteOrgIds = write,
            AllMembersRead = flags[0], AllMembersWrite = flags[1], PublicRead = flags[2],
        });

    private static readonly Gen<Caller> Callers =
        Gen.Select(Gen.OneOf(Orgs), CollectionSubset, CollectionSubset, Gen.Bool, Gen.Bool, (org, read, write, canWrite, hasKey) => new Caller
        {
            Reader = new Reader { OrgId = org, Principals = ["org:" + org] },
            Organization = new Organization { Id = org, Name = org, Sector = Sector.Platform, IdentityId = "identity--" + Guid.Empty },
            Key = hasKey ? new ApiKey { Id = "k", OrgId = org, Name = "k", ReadCollections = read, WriteCollections = write, CanWrite = canWrite } : null,
        });

    [Fact]
    public void Key_scopes_never_widen_what_the_organization_may_do()
    {
        Gen.Select(Callers, Collections).Sample((caller, collection) =>
        {
            if (caller.CanRead(collection))
            {
                Assert.True(collection.CanRead(caller.Reader));
            }

            if (caller.CanWrite(collection))
            {
                Assert.True(collection.CanWrite(caller.Reader));
            }
        }, iter: 5000);
    }

    [Fact]
    public void Key_scopes_are_obeyed_and_unscoped_keys_act_as_the_organization()
    {
        Gen.Select(Callers, Collections).Sample((caller, collection) =>
        {
            var key = caller.Key;
            if (key is null || (key.ReadCollections.Count == 0 && key.WriteCollections.Count == 0 && key.CanWrite))
            {
                Assert.Equal(collection.CanRead(caller.Reader), caller.CanRead(collection));
                Assert.Equal(collection.CanWrite(caller.Reader), caller.CanWrite(collection));
                return;
            }

            if (!key.CanWrite || (key.WriteCollections.Count > 0 && !key.WriteCollections.Contains(collection.Id)))
            {
                Assert.False(caller.CanWrite(collection));
            }

            if (key.ReadCollections.Count > 0 && !key.ReadCollections.Contains(collection.Id) && !key.WriteCollections.Contains(collection.Id))
            {
                Assert.False(caller.CanRead(collection));
            }
        }, iter: 5000);
    }
}
