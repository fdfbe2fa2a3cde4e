using System.CommandLine;
using Spectre.Console;

namespace Vigil.Cli.Audit;

/// <summary><c>vigil audit verify|witness</c>: check a hub's transparency log from outside, and cosign it as a witness.</summary>
public static class AuditCommand
{
    public static Command Create()
    {
        var hub = new Option<string>("--hub") { Description = "The hub's base URL, e.g. https://hub.example.org (its log is served under /log/).", Required = true };
        hub.Validators.Add(result =>
        {
            var text = result.GetValueOrDefault<string>();
            if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                result.AddError($"--hub: '{text}' is not an absolute http:// or https:// URL.");
            }
        });
        var state = new Option<FileInfo?>("--state") { Description = "A file keeping the last verified checkpoint between runs (created when missing)." };
        var logKey = new Option<string?>("--log-key") { Description = "The log's verifier key; by default the key served at /log/key is used (and must match the state's origin)." };

        var verify = new Command("verify", "Verify the whole log: checkpoint signature, consistency with the last run, every entry and tile hash.") { hub, state, logKey };
        verify.SetAction(async (result, cancellationToken) =>
        {
            using var client = new HttpClient();
            return await AuditVerify.RunAsync(client, new Uri(result.GetRequiredValue(hub)), result.GetValue(state), result.GetValue(logKey), AnsiConsole.Console, cancellationToken);
        });

        var key = new Option<FileInfo>("--key") { Description = "The witness's private cosigning key (PRIVATE+KEY+name+… , type 0x04).", Required = true };
        var witness = new Command("witness", "Check the latest checkpoint is consistent with the last one seen, cosign it and send the cosignature to the hub.") { hub, key, state, logKey };
        witness.SetAction(async (result, cancellationToken) =>
        {
            using var client = new HttpClient();
            return await AuditWitness.RunAsync(client, new Uri(result.GetRequiredValue(hub)), result.GetRequiredValue(key), result.GetValue(state), result.GetValue(logKey), AnsiConsole.Console, cancellationToken);
        });

        var name = new Option<string>("--name") { Description = "The witness name, e.g. witness.example.org.", Required = true };
        var newKey = new Command("witness-key", "Create a witness cosigning key file (mode 0600) and print the verifier key to give the hub operator.") { name, key };
        newKey.SetAction(result => AuditWitness.CreateKey(result.GetRequiredValue(name), result.GetRequiredValue(key), AnsiConsole.Console));

        return new Command("audit", "Verify a hub's transparency log, or witness it.") { verify, witness, newKey };
    }
}
