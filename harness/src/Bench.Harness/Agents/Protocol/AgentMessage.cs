using System.Text.Json.Serialization;

namespace Bench.Harness.Agents.Protocol;

/// <summary>
/// One line of the agent protocol: JSON objects, one per line, over the agent's stdin (controller → agent:
/// run, stop) and stdout (agent → controller: ready, progress, result, error). The same messages can later travel
/// over TCP (<c>bench agent --listen</c>) unchanged.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(RunMessage), "run")]
[JsonDerivedType(typeof(StopMessage), "stop")]
[JsonDerivedType(typeof(ReadyMessage), "ready")]
[JsonDerivedType(typeof(ProgressMessage), "progress")]
[JsonDerivedType(typeof(ResultMessage), "result")]
[JsonDerivedType(typeof(ErrorMessage), "error")]
internal abstract record AgentMessage;
