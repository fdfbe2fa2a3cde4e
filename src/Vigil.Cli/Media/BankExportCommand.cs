using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Core.Sharing;
using Vigil.Core.Stix.Building;
using Vigil.Core.Stix.Markings;
using Vigil.Server.Media;

namespace Vigil.Cli.Media;

/// <summary>
/// <c>vigil bank export --in BANK --out bundle.json [--tlp amber] [--label …]</c>: a STIX 2.1 bundle with, per hash, a
/// file SCO whose <c>hashes</c> carry the <c>PDQ</c> key and an indicator with the pattern
/// <c>[file:hashes.PDQ = '…']</c>, the line's label and every <c>--label</c> as labels, the source as description,
/// all marked with the TLP 2.0 level given (its marking-definition is included). A whole video (vPDQ) becomes a file
/// SCO with its frames in <c>x_vigil_vpdq</c> and their digest in <c>hashes.vPDQ</c>, and an indicator with the
/// pattern <c>[file:hashes.vPDQ = '…']</c> (see <see cref="VpdqStixHashes"/>).
/// </summary>
public static class BankExportCommand
{
    public static Command Create()
    {
        var input = new Option<string>("--in") { Description = "The bank: hash[,label[,source]] lines, vpdq:… in place of the hash for a whole video (or a STIX bundle).", Required = true };
        var output = new Option<string>("--out") { Description = "Where to write the STIX bundle.", Required = true };
        var tlp = new Option<string>("--tlp") { Description = "TLP 2.0 marking: clear, green, amber, amber+strict or red.", DefaultValueFactory = _ => "amber" };
        tlp.AcceptOnlyFromAmong("clear", "green", "amber", "amber+strict", "red");
        var labels = new Option<string[]>("--label") { Description = "A label added to every indicator (repeatable), e.g. \"manipulated media\".", AllowMultipleArgumentsPerToken = false };
        var command = new Command("export", "Write a bank as a STIX bundle of file SCOs (hashes.PDQ, or a video's x_vigil_vpdq frames) and indicators.") { input, output, tlp, labels };
        command.SetAction((result, ct) => RunAsync(
            result.GetRequiredValue(input), result.GetRequiredValue(output), ParseTlp(result.GetRequiredValue(tlp)), result.GetValue(labels) ?? [],
            TimeProvider.System, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, ct));
        return command;
    }

    public static async Task<int> RunAsync(
        string inputPath, string outputPath, TlpLevel tlp, IReadOnlyList<string> labels, TimeProvider time, TextWriter output, TextWriter error, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            var bank = await BankFile.ReadAsync(inputPath, ct).ConfigureAwait(false);
            var bundle = ToBundle(bank, tlp, labels, time);
            await File.WriteAllTextAsync(outputPath, bundle.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), ct).ConfigureAwait(false);
            await output.WriteLineAsync(
                $"Wrote {bank.Hashes.Count} PDQ hashes and {bank.Videos.Count} vPDQ videos ({bank.Count} file objects and {bank.Count} indicators, {Tlp.NameOf(tlp)}) to {outputPath}.")
                .ConfigureAwait(false);
            return 0;
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"Cannot export {inputPath}: {e.Message}").ConfigureAwait(false);
            return 1;
        }
    }

    public static JsonObject ToBundle(IReadOnlyList<BankHash> bank, TlpLevel tlp, IReadOnlyList<string> labels, TimeProvider time) =>
        ToBundle(new HashBank(bank, []), tlp, labels, time);

    public static JsonObject ToBundle(HashBank bank, TlpLevel tlp, IReadOnlyList<string> labels, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(bank);
        ArgumentNullException.ThrowIfNull(labels);
        var builder = new StixBuilder(time) { Markings = [Tlp.IdOf(tlp)] };
        var objects = new List<JsonObject> { TlpMarkings.Tlp2(tlp) };
        var now = time.GetUtcNow();
        foreach (var entry in bank.Hashes)
        {
            var hex = entry.Hash.ToString();
            objects.Add(builder.File(new Dictionary<string, string> { [PdqStixHashes.HashKey] = hex }));
            objects.Add(Labelled(builder.Indicator(
                PdqStixHashes.PatternFor(entry.Hash), now, name: entry.Label ?? "PDQ " + hex[..16], description: entry.Source), entry.Label, labels));
        }

        foreach (var video in bank.Videos)
        {
            var file = builder.File(new Dictionary<string, string> { [VpdqStixHashes.HashKey] = video.Digest });
            file[VpdqStixHashes.FramesProperty] = VpdqStixHashes.ToJson(video.Frames);
            objects.Add(file);
            objects.Add(Labelled(builder.Indicator(
                VpdqStixHashes.PatternFor(video.Digest), now, name: video.Label ?? "vPDQ " + video.Digest[..16], description: video.Source), video.Label, labels));
        }

        return StixBuilder.Bundle(objects);
    }

    private static JsonObject Labelled(JsonObject indicator, string? label, IReadOnlyList<string> labels)
    {
        var all = new List<string>();
        if (label is not null)
        {
            all.Add(label);
        }

        all.AddRange(labels.Where(l => !all.Contains(l, StringComparer.Ordinal)));
        if (all.Count > 0)
        {
            indicator["labels"] = new JsonArray([.. all.Select(l => (JsonNode?)JsonValue.Create(l))]);
        }

        return indicator;
    }

    public static TlpLevel ParseTlp(string text) => text.Trim().ToLowerInvariant() switch
    {
        "clear" or "white" => TlpLevel.Clear,
        "green" => TlpLevel.Green,
        "amber" => TlpLevel.Amber,
        "amber+strict" => TlpLevel.AmberStrict,
        "red" => TlpLevel.Red,
        _ => throw new FormatException($"Unknown TLP level \"{text}\": use clear, green, amber, amber+strict or red."),
    };
}
