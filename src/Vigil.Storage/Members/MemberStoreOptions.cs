namespace Vigil.Storage.Members;

/// <summary>Secrets and costs of the member store.</summary>
public sealed record MemberStoreOptions
{
    /// <summary>The server pepper: the key of the HMAC under which API keys are stored (see <see cref="ServerPepper"/>).</summary>
    public required byte[] Pepper { get; init; }

    /// <summary>PBKDF2-SHA256 iterations for new passwords; stored hashes keep the count they were made with.</summary>
    public int PasswordIterations { get; init; } = PasswordHasher.DefaultIterations;

    /// <summary>How long a verified (user, password) pair is trusted without running the KDF again.</summary>
    public TimeSpan PasswordCacheTtl { get; init; } = TimeSpan.FromMinutes(2);
}
