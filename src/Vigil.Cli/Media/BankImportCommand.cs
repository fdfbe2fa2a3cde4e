using System.CommandLine;

namespace Vigil.Cli.Media;

/// <summary>
/// <c>vigil bank import bundle.json --out BANK</c>: the PDQ hashes of a STIX bundle (file SCOs with
/// <c>hashes.PDQ</c> and PDQ indicators) as <c>hash,label,source</c> lines, one per distinct hash, then its whole
/// videos (file SCOs with <c>x_vigil_vpdq</c> frames) as <c>vpdq:…,label,source</c> lines.
/// </summary>
public static class BankImportCommand
{
    public static Command Create()
    {
        var bundle = new Argument<string>("BUNDLE") { Description = "A STIX 2.1 bundle (or TAXII envelope) JSON file." };
        var output = new Option<string>("--out") { Description = "Where to write the hash,label,source lines.", Required = true };
        var command = new Command("import", "Read the PDQ and vPDQ hashes of a STIX bundle into a hash,label,source text bank.") { bundle, output };
        command.SetAction((result, ct) => RunAsync(
            result.GetRequiredValue(bundle), result.GetRequiredValue(output), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, ct));
        return command;
    }

    public static async Task<int> RunAsync(string bundlePath, string outputPath, TextWriter output, TextWriter error, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            var json = await File.ReadAllTextAsync(bundlePath, ct).ConfigureAwait(false);
            var bank = BankFile.ReadStix(json, bundlePath);
            await File.WriteAllTextAsync(outputPath, BankFile.FormatText(bank), ct).ConfigureAwait(false);
            await output.WriteLineAsync($"Wrote {bank.Hashes.Count} PDQ hashes and {bank.Videos.Count} vPDQ videos from {bundlePath} to {outputPath}.").ConfigureAwait(false);
            return bank.Count > 0 ? 0 : Empty(error, bundlePath);
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"Cannot import {bundlePath}: {e.Message}").ConfigureAwait(false);
            return 1;
        }
    }

    private static int Empty(TextWriter error, string path)
    {
        error.WriteLine($"{path} holds no PDQ or vPDQ hash (no file SCO with hashes.PDQ or x_vigil_vpdq frames, no indicator comparing file:hashes.PDQ).");
        return 1;
    }
}
