namespace Vigil.Core.Sharing;

/// <summary>
/// Who an object's audience names, as compact strings stored beside each object version:
/// <c>org:ID</c>, <c>user:ID</c>, <c>group:ID</c> (a sharing group, resolved at read time) and
/// <c>collection:ID</c> (everyone who may read that collection).
/// </summary>
public static class Principal
{
    public static string Org(string id) => "org:" + id;

    public static string User(string id) => "user:" + id;

    public static string Group(string id) => "group:" + id;

    public static string Collection(string id) => "collection:" + id;
}
