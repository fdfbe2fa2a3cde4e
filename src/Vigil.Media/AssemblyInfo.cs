[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Vigil.Media.Tests")]
[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Vigil.Benchmarks")]
