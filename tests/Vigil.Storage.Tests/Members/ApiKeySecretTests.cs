using CsCheck;
using Vigil.Storage.Members;

namespace Vigil.Storage.Tests.Members;

public sealed class ApiKeySecretTests
{
    [Fact]
    public void Generated_keys_have_the_prefix_and_shape_and_differ()
    {
        var a = ApiKeySecret.Generate();
        var b = ApiKeySecret.Generate();
        Assert.NotEqual(a, b);
        Assert.True(ApiKeySecret.LooksLikeKey(a));
        Assert.Equal(47, a.Length);
        Assert.DoesNotContain('+', a);
        Assert.DoesNotContain('/', a);
    }

    [Fact]
    public void Hash_depends_on_pepper_and_secret()
    {
        var pepper = new byte[32];
        var other = new byte[32];
        other[0] = 1;
        Gen.String.Sample(s =>
        {
            Assert.NotEqual(ApiKeySecret.Hash(s, pepper), ApiKeySecret.Hash(s, other));
            Assert.Equal(ApiKeySecret.Hash(s, pepper), ApiKeySecret.Hash(s, pepper));
            Assert.NotEqual(ApiKeySecret.Hash(s + "x", pepper), ApiKeySecret.Hash(s, pepper));
        }, iter: 200);
    }

    [Fact]
    public void Password_hash_refuses_fewer_than_the_minimum_iterations()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PasswordHasher.Hash("pw", 1000));
        Assert.False(PasswordHasher.Verify("pw", "md5$whatever"));
        Assert.False(PasswordHasher.Verify("pw", "pbkdf2-sha256$100000$***$***"));
    }
}
