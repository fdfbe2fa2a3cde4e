namespace Vigil.Core.Privacy;

/// <summary>A content class an object carries and the JSON path of the field it came from (a class property or detected free text).</summary>
public sealed record ClassifiedField(string ContentClass, string Field);
