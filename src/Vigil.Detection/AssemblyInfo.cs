[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Vigil.Detection.Tests")]
[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Vigil.Benchmarks")]
