using System.Text.Json.Serialization;

namespace Vigil.Ads.Json;

[JsonSerializable(typeof(string))]
internal sealed partial class AdsJsonContext : JsonSerializerContext;
