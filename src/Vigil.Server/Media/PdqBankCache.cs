using System.Collections.Concurrent;
using Vigil.Core.Sharing;
using Vigil.Storage.Objects;

namespace Vigil.Server.Media;

/// <summary>
/// Builds each reader's <see cref="PdqBank"/> from the file SCOs and indicators it may see (the object store's
/// policy-aware query over its readable collections) and keeps it for <see cref="MediaOptions.BankCacheTtl"/> per
/// principal set. A cached bank is also rebuilt when a newer file or indicator version became visible.
/// </summary>
public sealed class PdqBankCache(IObjectStore objects, MediaOptions options, TimeProvider time)
{
    public const int MaxBanks = 64;
    private const int PageSize = 5000;
    private static readonly string[] Types = ["file", "indicator"];

    private readonly ConcurrentDictionary<string, Lazy<Task<PdqBank>>> _banks = new(StringComparer.Ordinal);

    public async Task<PdqBank> GetAsync(Reader reader, IReadOnlyList<string> collectionIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(collectionIds);
        var key = KeyOf(reader, collectionIds);
        if (_banks.TryGetValue(key, out var cached) && cached.Value.IsCompletedSuccessfully)
        {
            var bank = cached.Value.Result;
            if (time.GetUtcNow() - bank.LoadedAt < options.BankCacheTtl && !await ChangedAsync(reader, collectionIds, bank.MaxSeq, cancellationToken).ConfigureAwait(false))
            {
                return bank;
            }

            _banks.TryRemove(new KeyValuePair<string, Lazy<Task<PdqBank>>>(key, cached));
        }

        var loading = _banks.GetOrAdd(key, _ => new Lazy<Task<PdqBank>>(() => LoadAsync(reader, collectionIds, CancellationToken.None)));
        try
        {
            return await loading.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            _banks.TryRemove(new KeyValuePair<string, Lazy<Task<PdqBank>>>(key, loading));
            throw;
        }
        finally
        {
            Trim();
        }
    }

    private async Task<bool> ChangedAsync(Reader reader, IReadOnlyList<string> collectionIds, long maxSeq, CancellationToken cancellationToken)
    {
        var page = await objects.QueryAsync(new ObjectQuery
        {
            Reader = reader,
            CollectionIds = collectionIds,
            Types = Types,
            Versions = VersionMatch.All,
            AddedAfter = maxSeq,
            IncludeJson = false,
            Limit = 1,
        }, cancellationToken).ConfigureAwait(false);
        return page.Items.Count > 0;
    }

    private async Task<PdqBank> LoadAsync(Reader reader, IReadOnlyList<string> collectionIds, CancellationToken cancellationToken)
    {
        var loadedAt = time.GetUtcNow();
        var stored = new List<StoredObject>();
        string? next = null;
        do
        {
            var page = await objects.QueryAsync(new ObjectQuery
            {
                Reader = reader,
                CollectionIds = collectionIds,
                Types = Types,
                Revoked = false,
                Limit = PageSize,
                Next = next,
            }, cancellationToken).ConfigureAwait(false);
            stored.AddRange(page.Items);
            next = page.More ? page.Next : null;
        }
        while (next is not null);

        return PdqBank.Build(stored, loadedAt);
    }

    private void Trim()
    {
        while (_banks.Count > MaxBanks)
        {
            var victim = _banks.Keys.FirstOrDefault();
            if (victim is null || !_banks.TryRemove(victim, out _))
            {
                return;
            }
        }
    }

    private static string KeyOf(Reader reader, IReadOnlyList<string> collectionIds) => string.Join('\n', [
        reader.OrgId ?? "-", reader.Sector?.ToString() ?? "-", reader.IsHubAdmin ? "admin" : "-", reader.IsOversight ? "oversight" : "-",
        string.Join(' ', reader.Principals.Order(StringComparer.Ordinal)), string.Join(' ', collectionIds.Order(StringComparer.Ordinal))]);
}
