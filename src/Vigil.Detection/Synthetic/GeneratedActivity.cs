using Vigil.Detection.Activities;

namespace Vigil.Detection.Synthetic;

/// <summary>A generated data set with its ground truth.</summary>
public sealed record GeneratedActivity(ActivityTable Table, GroundTruth Truth);
