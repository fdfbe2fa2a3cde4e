[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Vigil.Correlation.Tests")]
[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Vigil.Benchmarks")]
