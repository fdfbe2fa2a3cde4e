using System.Text.Json;

namespace Vigil.Server.Log.Oversight;

/// <summary>One transparency-log entry as the oversight view shows it: its index, type, time and the entry itself (pseudonymous ids only).</summary>
public sealed record OversightEntry(long Index, string Type, DateTimeOffset At, JsonElement Entry);
