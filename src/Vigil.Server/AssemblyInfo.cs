[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Vigil.Server.Tests")]
[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Vigil.Benchmarks")]
