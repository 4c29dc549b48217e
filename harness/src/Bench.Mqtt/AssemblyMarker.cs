namespace Bench.Mqtt;

/// <summary>Placeholder so the assembly builds.</summary>
internal static class AssemblyMarker;
