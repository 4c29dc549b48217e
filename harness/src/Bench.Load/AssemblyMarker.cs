namespace Bench.Load;

/// <summary>Placeholder so the assembly builds.</summary>
internal static class AssemblyMarker;
