[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Vigil.Ads.Tests")]
[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Vigil.Benchmarks")]
