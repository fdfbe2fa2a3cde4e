[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Vigil.Ledger.Tests")]
[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Vigil.Benchmarks")]
