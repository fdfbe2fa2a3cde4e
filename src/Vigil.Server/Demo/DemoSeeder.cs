using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Vigil.Core.Members;
using Vigil.Core.Stix;
using Vigil.Server.Access;
using Vigil.Server.Hosting;
using Vigil.Storage.Members;
using Vigil.Storage.Objects;

namespace Vigil.Server.Demo;

/// <summary>
/// Seeds the demo exchange and writes <c>demo-credentials.json</c> into the data directory. Safe to run on every
/// start: members that exist are kept, logins already in the file keep working, objects already stored are not
/// stored twice. A login missing from the file (say the file was deleted) gets a new password and a new key.
/// </summary>
public sealed class DemoSeeder(ServerOptions options, IMemberStore members, IObjectStore objects, ReaderFactory readers, DemoCases cases, ILogger<DemoSeeder> logger)
{
    public const string CredentialsFileName = "demo-credentials.json";
    private static readonly JsonSerializerOptions FileJson = new() { WriteIndented = true };

    // Stored text stays as a person would write it (no \u0027 for quotes), so text search finds what it shows.
    private static readonly JsonSerializerOptions ObjectJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string CredentialsPath => Path.Combine(options.DataDirectory, CredentialsFileName);

    public async Task<IReadOnlyList<DemoCredential>> SeedAsync(CancellationToken cancellationToken)
    {
        await EnsureOrganizationsAsync(cancellationToken).ConfigureAwait(false);
        await EnsureGroupsAndCollectionsAsync(cancellationToken).ConfigureAwait(false);
        var credentials = await EnsureLoginsAsync(cancellationToken).ConfigureAwait(false);
        await ShareObjectsAsync(cancellationToken).ConfigureAwait(false);
        await cases.SeedAsync(cancellationToken).ConfigureAwait(false);
        return credentials;
    }

    private async Task EnsureOrganizationsAsync(CancellationToken cancellationToken)
    {
        foreach (var org in DemoScenario.Organizations)
        {
            if (await members.GetOrganizationAsync(org.Id, cancellationToken).ConfigureAwait(false) is null)
            {
                await members.CreateOrganizationAsync(new Organization
                {
                    Id = org.Id, Name = org.Name, Sector = org.Sector, IdentityId = DemoScenario.IdentityOf(org), Country = "XX",
                }, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task EnsureGroupsAndCollectionsAsync(CancellationToken cancellationToken)
    {
        foreach (var group in new[] { DemoScenario.ElectionDefenders, DemoScenario.PlatformTrustSafety })
        {
            if (await members.GetSharingGroupAsync(group.Id, cancellationToken).ConfigureAwait(false) is null)
            {
                await members.CreateSharingGroupAsync(group, cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (var collection in DemoScenario.Collections)
        {
            if (await members.GetCollectionAsync(collection.ApiRoot, collection.Id, cancellationToken).ConfigureAwait(false) is null)
            {
                await members.CreateCollectionAsync(collection, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<IReadOnlyList<DemoCredential>> EnsureLoginsAsync(CancellationToken cancellationToken)
    {
        var known = ReadCredentials().ToDictionary(c => c.User, StringComparer.Ordinal);
        var result = new List<DemoCredential>();
        var changed = false;
        foreach (var demo in DemoScenario.Users)
        {
            var existing = await members.FindUserByNameAsync(demo.UserName, cancellationToken).ConfigureAwait(false);
            if (existing is not null && known.TryGetValue(demo.UserName, out var saved)
                && await members.VerifyApiKeyAsync(saved.ApiKey, cancellationToken).ConfigureAwait(false) is not null)
            {
                result.Add(saved);
                continue;
            }

            var password = NewPassword();
            if (existing is null)
            {
                existing = await members.CreateUserAsync(new UserAccount
                {
                    Id = DemoScenario.UserIdOf(demo.UserName),
                    OrgId = demo.Org.Id,
                    UserName = demo.UserName,
                    DisplayName = $"{demo.UserName} (demo)",
                    Role = demo.Role,
                }, password, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await members.SetPasswordAsync(existing.Id, password, cancellationToken).ConfigureAwait(false);
            }

            var (_, secret) = await members.CreateApiKeyAsync(new ApiKey
            {
                Id = string.Empty, OrgId = demo.Org.Id, UserId = existing.Id, Name = $"{demo.UserName} demo key",
            }, cancellationToken).ConfigureAwait(false);
            result.Add(new DemoCredential
            {
                Org = demo.Org.Id,
                Sector = JsonNamingPolicy.KebabCaseLower.ConvertName(demo.Org.Sector.ToString()),
                User = demo.UserName,
                Password = password,
                ApiKey = secret,
            });
            changed = true;
        }

        if (changed || known.Count != result.Count)
        {
            WriteCredentials(result);
        }

        return result;
    }

    private async Task ShareObjectsAsync(CancellationToken cancellationToken)
    {
        var writers = new Dictionary<string, Caller>(StringComparer.Ordinal);
        foreach (var batch in DemoObjects.Build().GroupBy(s => (s.Author.Id, s.Collection.Id)))
        {
            var first = batch.First();
            if (!writers.TryGetValue(first.Author.Id, out var writer))
            {
                var userName = DemoScenario.Users.First(u => u.Org.Id == first.Author.Id).UserName;
                var user = await members.FindUserByNameAsync(userName, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"Demo user {userName} is missing.");
                writer = await readers.ForUserAsync(user, null, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"Demo user {userName} cannot sign in.");
                writers[first.Author.Id] = writer;
            }

            // Objects without 'modified' (the observables) are versioned by date_added, so storing them again would add a version.
            var ids = batch.Select(s => (string)s.Object["id"]!).ToArray();
            var existing = await objects.QueryAsync(new ObjectQuery
            {
                Reader = writer.Reader, CollectionIds = [first.Collection.Id], Ids = ids, Versions = VersionMatch.All, IncludeJson = false, Limit = ids.Length * 4,
            }, cancellationToken).ConfigureAwait(false);
            var stored = existing.Items.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
            var missing = batch.Where(s => !stored.Contains((string)s.Object["id"]!)).ToArray();
            if (missing.Length == 0)
            {
                continue;
            }

            var result = await objects.AddEnvelopeAsync(new EnvelopeWrite
            {
                Writer = writer.Reader,
                Collection = first.Collection,
                Objects = [.. missing.Select(s => new ObjectSubmission(StixObject.FromJson(s.Object), s.Object.ToJsonString(ObjectJson)))],
            }, cancellationToken).ConfigureAwait(false);
            if (!result.Stored)
            {
                throw new InvalidOperationException(
                    $"The demo objects of {first.Author.Id} for '{first.Collection.Title}' were refused: {string.Join("; ", result.Failures.Select(f => f.ToString()))}");
            }
        }

        logger.LogInformation("Demo exchange seeded: {Organizations} organizations, {Collections} collections.", DemoScenario.Organizations.Count, DemoScenario.Collections.Count);
    }

    private List<DemoCredential> ReadCredentials()
    {
        if (!File.Exists(CredentialsPath))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<List<DemoCredential>>(File.ReadAllText(CredentialsPath)) ?? [];
        }
        catch (JsonException e)
        {
            logger.LogWarning("{Path} is not valid ({Message}); demo logins will be issued again.", CredentialsPath, e.Message);
            return [];
        }
    }

    private void WriteCredentials(IReadOnlyList<DemoCredential> credentials)
    {
        var temporary = CredentialsPath + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(credentials, FileJson));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temporary, CredentialsPath, overwrite: true);
    }

    private static string NewPassword() => "demo-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
