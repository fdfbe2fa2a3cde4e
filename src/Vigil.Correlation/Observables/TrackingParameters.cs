using System.Collections.Frozen;

namespace Vigil.Correlation.Observables;

/// <summary>Query parameters that only track a click and never change what a URL points to; normalization drops them.</summary>
public static class TrackingParameters
{
    private static readonly FrozenSet<string> Names = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
    [
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "gclsrc", "msclkid", "yclid", "twclid", "ttclid", "li_fat_id",
        "mc_eid", "mc_cid", "igshid", "igsh", "_hsenc", "_hsmi", "__hssc", "__hstc", "__hsfp", "hsctatracking", "mkt_tok",
        "oly_enc_id", "oly_anon_id", "vero_id", "vero_conv", "wickedid", "rb_clickid", "_ga", "_gl", "srsltid",
        "ref_src", "ref_url", "s_cid", "ncid", "cmpid", "sr_share", "epik", "_openstat", "mibextid", "__tn__", "__cft__",
        "xtor", "spm", "scm", "_branch_match_id",
    ]);

    /// <summary>Whether a (percent-decoded) parameter name is tracking: <c>utm_*</c>, <c>pk_*</c>, <c>mtm_*</c> or one of the known names.</summary>
    public static bool IsTracking(ReadOnlySpan<char> name) =>
        name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("pk_", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("mtm_", StringComparison.OrdinalIgnoreCase)
        || Names.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name);

    public static IReadOnlyCollection<string> Known => Names;
}
