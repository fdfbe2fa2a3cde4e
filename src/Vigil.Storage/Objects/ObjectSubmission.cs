using Vigil.Core.Stix;

namespace Vigil.Storage.Objects;

/// <summary>One object of an envelope: parsed, and its exact JSON text, which is what readers get back.</summary>
public sealed record ObjectSubmission(StixObject Object, string Json);
