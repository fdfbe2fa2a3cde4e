using System.Text.Json.Nodes;
using Vigil.Core.Members;

namespace Vigil.Server.Demo;

/// <summary>One demo object, who shares it and into which collection.</summary>
internal sealed record DemoShare(DemoScenario.DemoOrg Author, Collection Collection, JsonObject Object);
