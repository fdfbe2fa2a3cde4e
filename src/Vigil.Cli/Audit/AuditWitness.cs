using Spectre.Console;
using Vigil.Ledger.Errors;
using Vigil.Ledger.Notes;
using Vigil.Ledger.Verification;
using Vigil.Server.Log;

namespace Vigil.Cli.Audit;

/// <summary>
/// <c>vigil audit witness</c>: verify the latest checkpoint and its consistency with the last one this witness saw,
/// cosign it (tlog-cosignature) and POST the cosignature to the hub. Exit codes as <see cref="AuditVerify"/>.
/// </summary>
public static class AuditWitness
{
    public static async Task<int> RunAsync(HttpClient client, Uri hub, FileInfo keyFile, FileInfo? stateFile, string? logKey, IAnsiConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(keyFile);
        ArgumentNullException.ThrowIfNull(console);
        NoteSigner cosigner;
        LogState? last;
        NoteVerifier key;
        HttpLogSource source;
        try
        {
            if (!File.Exists(keyFile.FullName))
            {
                throw new LedgerException(LedgerFailure.MalformedKey, $"No witness key file at {keyFile.FullName}; create one with 'vigil audit witness-key'.");
            }

            cosigner = NoteSigner.FromPrivateKey((await File.ReadAllTextAsync(keyFile.FullName, cancellationToken).ConfigureAwait(false)).Trim());
            last = await AuditInputs.ReadStateAsync(stateFile, cancellationToken).ConfigureAwait(false);
            var prefix = AuditInputs.Prefix(hub);
            key = await AuditInputs.LogKeyAsync(client, prefix, logKey, last, cancellationToken).ConfigureAwait(false);
            source = new HttpLogSource(client, prefix);
        }
        catch (Exception e) when (e is LedgerException or HttpRequestException or IOException or UnauthorizedAccessException or UriFormatException)
        {
            console.MarkupLineInterpolated($"[red]vigil audit witness could not run:[/] {e.Message}");
            return AuditVerify.CouldNotRun;
        }

        using (cosigner)
        {
            WitnessResult result;
            try
            {
                result = await new LogWitness(cosigner, key).ObserveAsync(source, last, cancellationToken).ConfigureAwait(false);
            }
            catch (LedgerException e)
            {
                var where = e.Index is { } index ? $", first bad index {index}" : string.Empty;
                console.MarkupLineInterpolated($"[red]REFUSED to cosign[/] ({e.Failure}{where}): {e.Message}");
                return AuditVerify.Failed;
            }
            catch (HttpRequestException e)
            {
                console.MarkupLineInterpolated($"[red]vigil audit witness could not run:[/] {e.Message}");
                return AuditVerify.CouldNotRun;
            }

            try
            {
                await source.PostCosignatureAsync(result.CosignedNote.ToString(), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is LedgerException or HttpRequestException)
            {
                // The checkpoint still verified: keep the state so the next run checks consistency from here.
                await AuditInputs.WriteStateAsync(stateFile, result.State, cancellationToken).ConfigureAwait(false);
                console.MarkupLineInterpolated($"[yellow]Cosigned size {result.Checkpoint.Size} but the hub did not accept it:[/] {e.Message}");
                return AuditVerify.CouldNotRun;
            }

            await AuditInputs.WriteStateAsync(stateFile, result.State, cancellationToken).ConfigureAwait(false);
            console.MarkupLineInterpolated($"[green]Cosigned[/] {result.Checkpoint.Origin} at size {result.Checkpoint.Size} as {cosigner.Name}.");
            return AuditVerify.Verified;
        }
    }

    /// <summary>Creates a cosigning key file readable by its owner only and prints the verifier key.</summary>
    public static int CreateKey(string name, FileInfo keyFile, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(keyFile);
        ArgumentNullException.ThrowIfNull(console);
        try
        {
            using var signer = NoteSigner.Generate(name, NoteKeyType.Cosignature);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var writer = new StreamWriter(keyFile.FullName, options))
            {
                writer.Write(signer.ToPrivateKey() + "\n");
            }

            console.WriteLine(signer.Verifier.ToString());
            return AuditVerify.Verified;
        }
        catch (Exception e) when (e is LedgerException or IOException or UnauthorizedAccessException)
        {
            console.MarkupLineInterpolated($"[red]Could not create the key:[/] {e.Message}");
            return AuditVerify.CouldNotRun;
        }
    }
}
