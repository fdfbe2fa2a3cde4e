using Vigil.Core.Stix.Validation;

namespace Vigil.Core.Tests.Stix;

internal static class ValidationAssert
{
    public static void Valid(ValidationResult result) =>
        Assert.True(result.IsValid, "expected valid, got: " + result);

    public static ValidationIssue HasError(ValidationResult result, string path, string? messagePart = null)
    {
        var match = result.Errors.FirstOrDefault(e => e.Path == path && (messagePart is null || e.Message.Contains(messagePart, StringComparison.Ordinal)));
        Assert.True(match is not null,
            $"expected an error at {path}{(messagePart is null ? "" : " containing '" + messagePart + "'")}, got: [{string.Join("; ", result.Errors)}]");
        return match!;
    }

    public static ValidationIssue HasWarning(ValidationResult result, string path, string? messagePart = null)
    {
        var match = result.Warnings.FirstOrDefault(e => e.Path == path && (messagePart is null || e.Message.Contains(messagePart, StringComparison.Ordinal)));
        Assert.True(match is not null,
            $"expected a warning at {path}, got warnings: [{string.Join("; ", result.Warnings)}] errors: [{string.Join("; ", result.Errors)}]");
        return match!;
    }
}
