namespace Vigil.Server.Media;

/// <summary>
/// The sighting a media match recorded of one matched indicator: its id and collection, or, when it was not recorded,
/// why (<see cref="NotRecorded"/>).
/// </summary>
public sealed record MediaSighting(string SightingOfRef, string? Id, string? CollectionId, string? Tlp, string? NotRecorded);
