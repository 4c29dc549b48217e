using System.Text.Json.Serialization;

namespace Bench.Load.Engine;

/// <summary>Where a run is: connecting devices, warming up, measuring, or waiting for the last answers.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LoadPhase>))]
public enum LoadPhase
{
    Connecting,
    WarmUp,
    Measuring,
    Draining,
}
