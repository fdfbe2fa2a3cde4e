[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Vigil.Core.Tests")]
[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Vigil.Benchmarks")]
