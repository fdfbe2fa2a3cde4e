using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Vigil.Benchmarks.Exchange;
using Vigil.Core.Members;
using Vigil.Core.Privacy;

namespace Vigil.Benchmarks.Core;

/// <summary>
/// The data-minimization policy's CPU cost per object, without storage: legal-process reference, content classes
/// (explicit and detected in free text) and the decision, over the same 1,000 objects <see cref="ObjectIngestBenchmarks"/>
/// writes. <c>Guarded</c> classes every object <c>private-message</c> so each one is also evaluated against its sectors.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class SharePolicyBenchmarks
{
    private const int EnvelopeSize = 1000;
    private static readonly Sector[] Sectors = [Sector.Platform, Sector.Research];
    private JsonObject[] _objects = [];

    [Params(false, true)]
    public bool Guarded { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _objects = [.. ExchangeBenchData.Envelope(EnvelopeSize, 0).Select(s => s.Object.Json)];
        if (Guarded)
        {
            foreach (var json in _objects)
            {
                json[ContentClasses.Property] = ContentClasses.PrivateMessage;
            }
        }
    }

    [Benchmark(OperationsPerInvoke = EnvelopeSize)]
    public int Check()
    {
        var allowed = 0;
        for (var i = 0; i < _objects.Length; i++)
        {
            var json = _objects[i];
            var (legalProcess, _) = LegalProcessReference.Read(json, "objects[0]");
            var (classes, _) = SharePolicyEvaluator.Classify(json, "objects[0]");
            if (SharePolicyEvaluator.RestrictedSectors(DataPolicy.Default, classes).Count == 0
                || SharePolicyEvaluator.Evaluate(DataPolicy.Default, classes, Sectors, legalProcess, "objects[0]").Allowed)
            {
                allowed++;
            }
        }

        return allowed;
    }
}
