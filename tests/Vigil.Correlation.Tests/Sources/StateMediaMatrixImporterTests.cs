using Vigil.Correlation.Observables;
using Vigil.Correlation.Sources;

namespace Vigil.Correlation.Tests.Sources;

public sealed class StateMediaMatrixImporterTests
{
    [Fact]
    public void Real_file_imports_every_outlet_with_a_url()
    {
        var summary = RealSourceFiles.StateMedia.Summary;
        Assert.Equal(1_157, summary.RowsRead);
        Assert.Equal(1_157 - 83, summary.Imported);
        Assert.Equal(82, summary.Issues.Count(i => i.Field == "URL"));
        Assert.Single(summary.Issues, i => i.Message == "empty row");
        Assert.Equal(summary.RowsRead, summary.Imported + summary.Skipped);
        Assert.Equal(973, RealSourceFiles.StateMedia.Items.Select(l => l.Host).Distinct().Count());
    }

    [Fact]
    public void Rt_is_labelled_state_controlled_by_russia()
    {
        var rt = Assert.Single(RealSourceFiles.StateMedia.Items, l => l.Host == "rt.com");
        Assert.Equal("Russia", rt.Country);
        Assert.Equal("RT", rt.StateBody);
        Assert.Equal("RT International", rt.Outlet);
        Assert.Equal(StateControl.StateControlled, rt.Control);
        Assert.Equal("SC", rt.Typology);
    }

    [Fact]
    public void Url_without_scheme_and_mixed_case_is_read()
    {
        Assert.Contains(RealSourceFiles.StateMedia.Items, l => l.Host == "southsudantv.net");
        Assert.Contains(RealSourceFiles.StateMedia.Items, l => l.Host == "parstoday.ir");
    }

    [Fact]
    public void Social_media_links_become_outlet_accounts()
    {
        var rt = Assert.Single(RealSourceFiles.StateMedia.Items, l => l.Host == "rt.com");
        Assert.Contains(new ObservableKey(ObservableKind.Account, "instagram", "rt_pressoffice_"), rt.Accounts);
        Assert.Contains(new ObservableKey(ObservableKind.Account, "x", "rt"), rt.Accounts);
        Assert.True(RealSourceFiles.StateMedia.Items.Sum(l => l.Accounts.Count) > 300);
    }

    [Theory]
    [InlineData("SC", StateControl.StateControlled)]
    [InlineData("CaPu", StateControl.StateControlled)]
    [InlineData("CaPr", StateControl.StateControlled)]
    [InlineData("ISFM", StateControl.StateFundedIndependent)]
    [InlineData("ISFM?", StateControl.StateFundedIndependent)]
    [InlineData("ISF", StateControl.StateFundedIndependent)]
    [InlineData("ISM", StateControl.StateFundedIndependent)]
    [InlineData("IP", StateControl.PublicIndependent)]
    public void Typology_codes_map_to_control_levels(string typology, StateControl control)
    {
        Assert.Equal(control, StateMediaMatrixImporter.Control(typology));
        Assert.All(RealSourceFiles.StateMedia.Items.Where(l => l.Typology == typology), l => Assert.Equal(control, l.Control));
    }

    [Fact]
    public async Task Unknown_typology_is_reported_and_skipped()
    {
        const string csv = """
            Region,Country,Media company,Main assets,URL,Typology
            Eurasia,Russia,RT,RT,https://www.rt.com/,SC
            Eurasia,Nowhere,X,Y,https://y.example/,ZZ
            """;
        var result = await StateMediaMatrixImporter.ImportAsync(new StringReader(csv), "t.csv");
        Assert.Single(result.Items);
        var issue = Assert.Single(result.Summary.Issues);
        Assert.Equal((3, "Typology"), (issue.Line, issue.Field));
    }
}
