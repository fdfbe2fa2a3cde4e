namespace Vigil.Storage.Cases;

public enum CaseSeverity
{
    Low,
    Medium,
    High,
    Critical,
}
