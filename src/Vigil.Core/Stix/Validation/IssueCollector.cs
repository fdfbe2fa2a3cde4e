using System.Globalization;

namespace Vigil.Core.Stix.Validation;

/// <summary>
/// Gathers errors and warnings for one object. Rules report paths relative to the object (<c>valid_from</c>,
/// <c>external_references[0].url</c>); the object's own path (<c>$</c> or <c>$.objects[3]</c>) is put in front
/// only when an issue is reported, so a valid object costs no path strings. A path that starts with <c>$</c>
/// is already absolute.
/// </summary>
internal sealed class IssueCollector(string parentPath, int index = -1)
{
    private List<ValidationIssue>? _errors;
    private List<ValidationIssue>? _warnings;
    private string? _basePath;

    public string BasePath => _basePath ??= index < 0 ? parentPath : Index(parentPath, index);

    public bool HasErrors => _errors is { Count: > 0 };

    /// <summary>The relative path of a top-level property: the name itself.</summary>
    public static string PathOf(string property) => property;

    public static string Index(string path, int index) => path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    public void Error(string path, string message) => (_errors ??= []).Add(new ValidationIssue(Absolute(path), message));

    public void Warn(string path, string message) => (_warnings ??= []).Add(new ValidationIssue(Absolute(path), message));

    public ValidationResult ToResult() => new(_errors ?? (IReadOnlyList<ValidationIssue>)[], _warnings ?? (IReadOnlyList<ValidationIssue>)[]);

    private string Absolute(string path) => path.Length == 0 ? BasePath : path[0] == '$' ? path : BasePath + "." + path;
}
