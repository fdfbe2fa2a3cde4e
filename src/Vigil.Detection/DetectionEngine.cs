using Vigil.Detection.Activities;
using Vigil.Detection.CooRTweet;
using Vigil.Detection.Graph;
using Vigil.Detection.Results;
using Vigil.Detection.Signals;

namespace Vigil.Detection;

/// <summary>
/// Runs coordinated-behaviour detection over an activity table: each enabled signal's co-action
/// pairs, the null-model edge test, the weighted account graph, Louvain communities and connected
/// components, account-level signals, and per-cluster evidence. With
/// <see cref="DetectionOptions.CooRTweet"/> set, the network is CooRTweet's instead.
/// </summary>
public static class DetectionEngine
{
    public const string NullModelMethod =
        "Per signal, an account pair is kept when it has at least the signal's minimum number of distinct co-actions " +
        "and that number is unlikely under a null model that keeps every item's share times and every account's " +
        "number of shares but assigns accounts to share slots at random: co-actions ~ Poisson(λ = S·2·nₐ·n_b/(N²−Σnᵢ²)), " +
        "kept when P(X ≥ w) ≤ α / candidate pairs (Bonferroni). Pairs not kept by any one signal but with two or more " +
        "co-actions on at least two signals are tested on their total against Poisson(Σλ) the same way. Hot items: each share pairs with at most the configured " +
        "number of nearest later shares inside the window; capped items and skipped pairs are counted per signal.";

    public const string CooRTweetMethod =
        "CooRTweet 2.1.3 compatibility: detect_groups(time_window, min_participation) then generate_coordinated_network() " +
        "with its defaults (full graph, every co-share pair, no edge-weight filter).";

    public static DetectionResult Run(
        ActivityTable table, DetectionOptions options, IProgress<DetectionStage>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        var graph = new CoordinationGraph();
        var summaries = new List<SignalSummary>();
        var sources = new List<EvidenceSource>();
        IReadOnlyList<CoSharePair>? coSharePairs = null;
        var kinds = Enum.GetValues<SignalKind>();
        var stages = kinds.Length + 2;
        string method;
        if (options.CooRTweet is { } compatibility)
        {
            progress?.Report(new DetectionStage("co-share (CooRTweet)", 1, stages));
            var result = CooRTweetDetector.Detect(table, compatibility);
            foreach (var edge in result.Edges)
            {
                graph.Add(edge.A, edge.B, SignalKind.CoReshare, edge.Weight, 0);
            }

            coSharePairs = result.Pairs;
            summaries.Add(new SignalSummary
            {
                Signal = "co-share",
                WindowSeconds = compatibility.WindowSeconds,
                MinCoActions = 1,
                Occurrences = table.Count,
                Items = table.References.Count,
                CoActionSlots = result.Pairs.Count,
                CandidateEdges = result.Edges.Count,
                SignificantEdges = result.Edges.Count,
                ItemsCapped = 0,
                PairsSkippedByCap = 0,
            });
            method = CooRTweetMethod;
        }
        else
        {
            var combined = new CombinedEvidence();
            for (var s = 0; s < kinds.Length; s++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var kind = kinds[s];
                var signal = options.For(kind);
                progress?.Report(new DetectionStage(SignalNames.Of(kind), s + 1, stages));
                if (!signal.Enabled || SignalExtractor.Extract(table, kind, options) is not { } occurrences)
                {
                    continue;
                }

                var candidates = PairGenerator.Generate(occurrences, table.Accounts.Count, signal.WindowSeconds, options.CapFor(kind));
                var model = new NullModel.Model(occurrences, candidates, table.Accounts.Count, options.Alpha);
                var significant = 0;
                for (var i = 0; i < candidates.A.Length; i++)
                {
                    var weight = candidates.Weight[i];
                    var (a, b) = (candidates.A[i], candidates.B[i]);
                    var expected = model.Expected(a, b);
                    var strength = weight >= signal.MinCoActions ? -NullModel.PoissonTailLog10(weight, expected) : 0;
                    if (strength >= model.Threshold)
                    {
                        graph.Add(a, b, kind, weight, strength);
                        significant++;
                    }
                    else if (CombinedEvidence.Counts(kind))
                    {
                        combined.Remember(a, b, kind, weight, expected);
                    }
                }

                summaries.Add(new SignalSummary
                {
                    Signal = SignalNames.Of(kind),
                    WindowSeconds = signal.WindowSeconds,
                    MinCoActions = signal.MinCoActions,
                    Occurrences = occurrences.Count,
                    Items = occurrences.ItemCount,
                    CoActionSlots = candidates.Slots,
                    CandidateEdges = candidates.Count,
                    SignificantEdges = significant,
                    ItemsCapped = candidates.ItemsCapped,
                    PairsSkippedByCap = candidates.PairsSkipped,
                });
                sources.Add(new EvidenceSource(occurrences, signal.WindowSeconds, options.CapFor(kind)));
            }

            var combinedEdges = combined.AddSignificant(graph, options.CombinedMinCoActions, options.Alpha);
            summaries.Add(new SignalSummary
            {
                Signal = "combined",
                WindowSeconds = 0,
                MinCoActions = options.CombinedMinCoActions,
                Occurrences = 0,
                Items = 0,
                CoActionSlots = 0,
                CandidateEdges = combined.Count,
                SignificantEdges = combinedEdges,
                ItemsCapped = 0,
                PairsSkippedByCap = 0,
            });

            method = NullModelMethod;
        }

        progress?.Report(new DetectionStage("clusters", stages - 1, stages));
        var edges = graph.OrderedEdges();
        var communities = Communities.Find(table.Accounts.Count, edges, options.Seed, weighted: true);
        var flags = AccountSignals.Compute(table);
        progress?.Report(new DetectionStage("evidence", stages, stages));
        var assembler = new ClusterAssembler(table, options, graph, edges, communities, flags);
        var clusters = assembler.Assemble(sources, coSharePairs);
        return new DetectionResult
        {
            Summary = new DetectionSummary
            {
                Activities = table.Count,
                Accounts = communities.Vertices,
                Edges = edges.Count,
                Components = communities.ComponentCount,
                Clusters = clusters.Count,
                InputAccounts = table.Accounts.Count,
            },
            Method = method,
            Signals = summaries,
            Clusters = clusters,
            Edges = edges.Select(e => assembler.ToAccountEdge(e.A, e.B, e.Data)).ToList(),
            AccountSignalCounts = CountFlags(flags),
            FirstActivity = table.Count == 0 ? null : DateTimeOffset.FromUnixTimeSeconds(table.Time.Min()),
            LastActivity = table.Count == 0 ? null : DateTimeOffset.FromUnixTimeSeconds(table.Time.Max()),
        };
    }

    private static Dictionary<string, int> CountFlags(List<string>[] flags)
    {
        var counts = new Dictionary<string, int>
        {
            [AccountSignals.CreationBurst] = 0,
            [AccountSignals.HandlePattern] = 0,
            [AccountSignals.OffHours] = 0,
        };
        foreach (var list in flags)
        {
            foreach (var flag in list)
            {
                counts[flag]++;
            }
        }

        return counts;
    }
}
