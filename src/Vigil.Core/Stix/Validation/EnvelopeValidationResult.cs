namespace Vigil.Core.Stix.Validation;

/// <summary>
/// The result of validating a TAXII envelope or STIX bundle: problems of the envelope itself (shape, duplicate
/// ids) and one result per object, so a server can accept or refuse objects one by one.
/// </summary>
public sealed record EnvelopeValidationResult(
    IReadOnlyList<ValidationIssue> EnvelopeErrors,
    IReadOnlyList<ObjectValidationResult> Objects)
{
    public bool IsValid
    {
        get
        {
            if (EnvelopeErrors.Count > 0)
            {
                return false;
            }

            foreach (var o in Objects)
            {
                if (!o.IsValid)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>Every error, envelope-level first, with full paths.</summary>
    public IEnumerable<ValidationIssue> AllErrors()
    {
        foreach (var e in EnvelopeErrors)
        {
            yield return e;
        }

        foreach (var o in Objects)
        {
            foreach (var e in o.Result.Errors)
            {
                yield return e;
            }
        }
    }
}
