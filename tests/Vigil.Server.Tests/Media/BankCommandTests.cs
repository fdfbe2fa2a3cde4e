using System.CommandLine;
using System.Text.Json.Nodes;
using Vigil.Cli;
using Vigil.Core.Sharing;
using Vigil.Core.Stix.Validation;

namespace Vigil.Server.Tests.Media;

public sealed class BankCommandTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("vigil-bank-");

    private string Temp(string name) => Path.Combine(_directory.FullName, name);

    private static async Task<(int Code, string[] Output, string[] Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await VigilCommandLine.Create().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, Split(output), Split(error));
    }

    private static string[] Split(StringWriter w) => w.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private async Task<string> BankAsync(params string[] lines)
    {
        var path = Temp($"bank-{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(path, lines);
        return path;
    }

    private static string Hash(string image) => PdqTestData.ExpectedOriginal()[image].Hash;

    [Fact]
    public async Task Export_writes_valid_stix_with_pdq_file_objects_indicators_labels_and_tlp()
    {
        var bank = await BankAsync("# ballot photo bank", "hash,label,source", $"{Hash("bridge-mods_aaa-orig.jpg")},manipulated media,https://example.org/a, b", Hash("misc-images_wee.jpg"));
        var bundlePath = Temp("bundle.json");

        var (code, _, error) = await RunAsync("bank", "export", "--in", bank, "--out", bundlePath, "--tlp", "amber+strict", "--label", "election-2026");

        Assert.True(code == 0, string.Join('\n', error));
        var objects = JsonNode.Parse(await File.ReadAllTextAsync(bundlePath))!["objects"]!.AsArray().Select(o => o!.AsObject()).ToArray();
        foreach (var o in objects)
        {
            var result = StixValidator.Validate(o);
            Assert.True(result.IsValid, $"{o["id"]}: {result}");
        }

        var files = objects.Where(o => (string?)o["type"] == "file").ToArray();
        var indicators = objects.Where(o => (string?)o["type"] == "indicator").ToArray();
        Assert.Equal([Hash("bridge-mods_aaa-orig.jpg"), Hash("misc-images_wee.jpg")], files.Select(f => (string)f["hashes"]!["PDQ"]!));
        Assert.Equal($"[file:hashes.PDQ = '{Hash("bridge-mods_aaa-orig.jpg")}']", (string?)indicators[0]["pattern"]);
        Assert.Equal(["manipulated media", "election-2026"], indicators[0]["labels"]!.AsArray().Select(l => (string)l!));
        Assert.Equal(["election-2026"], indicators[1]["labels"]!.AsArray().Select(l => (string)l!));
        Assert.All(files.Concat(indicators), o => Assert.Equal(Tlp.AmberStrictId, (string?)o["object_marking_refs"]![0]));
        Assert.Contains(objects, o => (string?)o["id"] == Tlp.AmberStrictId);
    }

    [Fact]
    public async Task Import_of_an_exported_bundle_gives_back_the_hashes_labels_and_sources()
    {
        var bank = await BankAsync($"{Hash("bridge-mods_aaa-orig.jpg")},manipulated media,https://example.org/a, b", $"{Hash("misc-images_wee.jpg")},state-media re-upload");
        var bundle = Temp("round.json");
        var back = Temp("back.csv");

        Assert.Equal(0, (await RunAsync("bank", "export", "--in", bank, "--out", bundle)).Code);
        var (code, _, error) = await RunAsync("bank", "import", bundle, "--out", back);

        Assert.True(code == 0, string.Join('\n', error));
        Assert.Equal(
            ["hash,label,source", $"{Hash("bridge-mods_aaa-orig.jpg")},manipulated media,https://example.org/a, b", $"{Hash("misc-images_wee.jpg")},state-media re-upload,"],
            await File.ReadAllLinesAsync(back));
    }

    [Fact]
    public async Task Match_prints_bank_hashes_within_the_distance_closest_first()
    {
        var bank = await BankAsync($"{Hash("misc-images_wee.jpg")},unrelated", $"{Hash("bridge-mods_aaa-orig.jpg")},fake ballot photo,tip line");

        var (code, output, error) = await RunAsync("match", PdqTestData.Image("bridge-mods_blur-a-little.jpg"), "--bank", bank);

        Assert.True(code == 0, string.Join('\n', error));
        Assert.Equal([$"0,{Hash("bridge-mods_aaa-orig.jpg")},fake ballot photo,tip line"], output);
    }

    [Fact]
    public async Task Rotated_copy_matches_only_with_dihedral_and_names_the_transform()
    {
        var bundle = Temp("stix-bank.json");
        var csv = await BankAsync($"{Hash("reg-test-input_dih_bridge-1-original.jpg")},original bridge");
        Assert.Equal(0, (await RunAsync("bank", "export", "--in", csv, "--out", bundle)).Code);
        var rotated = PdqTestData.Image("reg-test-input_dih_bridge-2-rotate-90.jpg");

        var plain = await RunAsync("match", rotated, "--bank", bundle);
        var dihedral = await RunAsync("match", rotated, "--bank", bundle, "--dihedral");

        Assert.Equal(0, plain.Code);
        Assert.Empty(plain.Output);
        var line = Assert.Single(dihedral.Output).Split(',');
        Assert.InRange(int.Parse(line[0], System.Globalization.CultureInfo.InvariantCulture), 0, 31);
        Assert.StartsWith("Rotate", line[1], StringComparison.Ordinal);
        Assert.Equal("original bridge", line[3]);
    }

    [Fact]
    public async Task Malformed_bank_line_fails_naming_the_file_and_line()
    {
        var bank = await BankAsync(Hash("misc-images_wee.jpg"), "not-a-hash,label");

        var (code, output, error) = await RunAsync("match", PdqTestData.Image("misc-images_wee.jpg"), "--bank", bank);

        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.Contains(error, l => l.Contains(bank + ":2", StringComparison.Ordinal) && l.Contains("malformed PDQ hash", StringComparison.Ordinal));
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
