using Vigil.Ledger.Errors;
using Vigil.Ledger.Notes;
using Vigil.Ledger.Verification;
using Vigil.Server.Log;

namespace Vigil.Cli.Audit;

/// <summary>What both audit commands read before they start: the log key and the saved state; and how they save state.</summary>
internal static class AuditInputs
{
    public static async Task<NoteVerifier> LogKeyAsync(HttpClient client, Uri prefix, string? given, LogState? state, CancellationToken cancellationToken)
    {
        NoteVerifier key;
        if (given is not null)
        {
            key = NoteVerifier.Parse(given.Trim());
        }
        else
        {
            var url = new Uri(prefix, "key");
            using var response = await client.GetAsync(url, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new LedgerException(LedgerFailure.MalformedKey, $"GET {url} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            }

            key = NoteVerifier.Parse((await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)).Trim());
        }

        if (state is not null && key.Name != state.Origin)
        {
            throw new LedgerException(LedgerFailure.WrongOrigin, $"The log key is for '{key.Name}' but the state file is for '{state.Origin}'.");
        }

        return key;
    }

    public static async Task<LogState?> ReadStateAsync(FileInfo? file, CancellationToken cancellationToken) =>
        file is not null && File.Exists(file.FullName) ? LogState.Parse(await File.ReadAllTextAsync(file.FullName, cancellationToken).ConfigureAwait(false)) : null;

    /// <summary>Writes the state through a temporary file and a rename, so a crash never leaves half a state file.</summary>
    public static async Task WriteStateAsync(FileInfo? file, LogState state, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            return;
        }

        var temporary = file.FullName + ".tmp";
        await File.WriteAllTextAsync(temporary, state.ToJson(), cancellationToken).ConfigureAwait(false);
        File.Move(temporary, file.FullName, overwrite: true);
    }

    public static Uri Prefix(Uri hub) => HttpLogSource.PrefixOf(hub);
}
