[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Vigil.Storage.Tests")]
[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Vigil.Benchmarks")]
