namespace Vigil.Storage.Database;

/// <summary>
/// One schema step. <see cref="Id"/> orders the steps ("0100-objects"); each feature owns a range of ids
/// (0001-0099 members, 0100-0199 exchange objects, 0200-0299 correlation, 0300-0399 ledger, 0400-0499 cases,
/// 0500-0599 media, 0600-0699 ads, 0700-0799 events and alerts). The SQL may hold several statements separated by semicolons.
/// </summary>
public sealed record Migration(string Id, string Sqlite, string Postgres);
