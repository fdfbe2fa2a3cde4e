using System.Data.Common;
using Vigil.Core.Members;

namespace Vigil.Storage.Members;

public sealed partial class SqlMemberStore
{
    private const string UserColumns = "id, org_id, user_name, display_name, role, disabled, created";

    public async Task<UserAccount> CreateUserAsync(UserAccount user, string password, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentException.ThrowIfNullOrEmpty(password);
        var stored = user with
        {
            Id = string.IsNullOrWhiteSpace(user.Id) ? NewId() : user.Id,
            Created = user.Created == default ? _time.GetUtcNow() : user.Created,
        };
        var hash = PasswordHasher.Hash(password, _options.PasswordIterations);
        await ExecuteAsync(
            $"INSERT INTO users ({UserColumns}, password_hash) VALUES (@id, @org, @name, @display, @role, @disabled, @created, @hash)",
            cancellationToken,
            ("@id", stored.Id), ("@org", stored.OrgId), ("@name", stored.UserName), ("@display", stored.DisplayName),
            ("@role", stored.Role.ToString()), ("@disabled", stored.Disabled ? 1 : 0), ("@created", Format(stored.Created)), ("@hash", hash))
            .ConfigureAwait(false);
        Changed();
        return stored;
    }

    public async Task<UserAccount?> GetUserAsync(string id, CancellationToken cancellationToken = default) =>
        (await QueryAsync($"SELECT {UserColumns} FROM users WHERE id = @id", ReadUser, cancellationToken, ("@id", id)).ConfigureAwait(false))
            .FirstOrDefault();

    public async Task<UserAccount?> FindUserByNameAsync(string userName, CancellationToken cancellationToken = default) =>
        (await QueryAsync($"SELECT {UserColumns} FROM users WHERE user_name = @name", ReadUser, cancellationToken, ("@name", userName)).ConfigureAwait(false))
            .FirstOrDefault();

    public async Task<IReadOnlyList<UserAccount>> ListUsersAsync(string orgId, CancellationToken cancellationToken = default) =>
        await QueryAsync($"SELECT {UserColumns} FROM users WHERE org_id = @org ORDER BY user_name", ReadUser, cancellationToken, ("@org", orgId))
            .ConfigureAwait(false);

    public async Task<bool> SetPasswordAsync(string userId, string password, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        var hash = PasswordHasher.Hash(password, _options.PasswordIterations);
        var changed = await ExecuteAsync("UPDATE users SET password_hash = @hash WHERE id = @id", cancellationToken, ("@hash", hash), ("@id", userId))
            .ConfigureAwait(false);
        Changed();
        return changed > 0;
    }

    public async Task<bool> SetUserDisabledAsync(string userId, bool disabled, CancellationToken cancellationToken = default)
    {
        var changed = await ExecuteAsync("UPDATE users SET disabled = @disabled WHERE id = @id", cancellationToken, ("@disabled", disabled ? 1 : 0), ("@id", userId))
            .ConfigureAwait(false);
        Changed();
        return changed > 0;
    }

    public async Task<UserAccount?> VerifyPasswordAsync(string userName, string password, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(password);
        var generation = Generation;
        if (_passwordCache.Find(userName, password, generation) is { } cached)
        {
            return cached;
        }

        var rows = await QueryAsync(
            $"SELECT {UserColumns}, password_hash FROM users WHERE user_name = @name",
            row => (User: ReadUser(row), Hash: row.GetString(7)),
            cancellationToken,
            ("@name", userName)).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            PasswordHasher.Verify(password, _decoyHash.Value);
            return null;
        }

        var (user, hash) = rows[0];
        if (!PasswordHasher.Verify(password, hash) || user.Disabled)
        {
            return null;
        }

        _passwordCache.Remember(userName, password, user, generation);
        return user;
    }

    private static UserAccount ReadUser(DbDataReader row) => new()
    {
        Id = row.GetString(0),
        OrgId = row.GetString(1),
        UserName = row.GetString(2),
        DisplayName = Text(row, 3),
        Role = Enum.Parse<UserRole>(row.GetString(4)),
        Disabled = Flag(row, 5),
        Created = ParseTime(row.GetString(6)),
    };
}
