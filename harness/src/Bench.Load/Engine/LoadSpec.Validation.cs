using Bench.Load.Clients;
using Bench.Mqtt;

namespace Bench.Load.Engine;

public abstract partial record LoadSpec
{
    /// <summary>Every problem with this spec, each naming its field; empty when the spec can run.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        ValidateCommon(errors);
        ValidateModel(errors);
        return errors;
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem at once.</summary>
    public void EnsureValid()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid load spec: " + string.Join("; ", errors));
        }
    }

    /// <summary>Adds the problems specific to the load model.</summary>
    protected abstract void ValidateModel(List<string> errors);

    protected static void Check(List<string> errors, bool ok, string message)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!ok)
        {
            errors.Add(message);
        }
    }

    protected static bool IsWholeSeconds(TimeSpan span) => span.Ticks % TimeSpan.TicksPerSecond == 0;

    private void ValidateCommon(List<string> errors)
    {
        Check(errors, Target is not null, "target is required");
        Check(errors, WarmUp >= TimeSpan.Zero && IsWholeSeconds(WarmUp), $"warmUp must be whole seconds ≥ 0, was {WarmUp}");
        Check(errors, Duration >= TimeSpan.FromSeconds(1) && IsWholeSeconds(Duration), $"duration must be whole seconds ≥ 1 s, was {Duration}");
        Check(errors, SendTimeout > TimeSpan.Zero && SendTimeout <= TimeSpan.FromMinutes(5), $"sendTimeout must be in (0, 5 min], was {SendTimeout}");
        Check(errors, DeviceIdOffset >= 0, $"deviceIdOffset must be ≥ 0, was {DeviceIdOffset}");
        Check(errors, DeviceCount >= 1, $"the device or connection count must be ≥ 1, was {DeviceCount}");
        Check(errors, DeviceIdPrefix.Length >= 1 && DeviceIdPrefix.Length <= 50 && DeviceIdPrefix.All(IsIdChar),
            $"deviceIdPrefix must be 1..50 characters of [A-Za-z0-9_.:-], was '{DeviceIdPrefix}'");
        Check(errors, double.IsFinite(ConnectRate) && ConnectRate > 0, $"connectRate must be > 0, was {ConnectRate}");
        Check(errors, MqttQos is MqttQos.AtMostOnce or MqttQos.AtLeastOnce, $"mqttQos must be 0 or 1, was {MqttQos}");
        Check(errors, Operation == LoadOperation.Telemetry || Protocol == LoadProtocol.Http, "operation analyze needs protocol http");
        Check(errors, VibrationSamples is >= 0 and <= TelemetryPayload.MaxVibrationSamples,
            $"vibrationSamples must be in [0, {TelemetryPayload.MaxVibrationSamples}], was {VibrationSamples}");
        Check(errors, MqttReply is MqttReply.Ack || Protocol == LoadProtocol.Mqtt, "mqttReply analysis needs protocol mqtt");
        Check(errors, MqttReply is MqttReply.Ack or MqttReply.Analysis, $"mqttReply must be ack or analysis, was {MqttReply}");
        Check(errors, Operation != LoadOperation.Analyze || (AnalyzeSamples is >= 16 and <= 65_536 && (AnalyzeSamples & (AnalyzeSamples - 1)) == 0),
            $"analyzeSamples must be a power of two from 16 to 65,536, was {AnalyzeSamples}");
        if (Target is null)
        {
            return;
        }

        Check(errors, Protocol == LoadProtocol.Mqtt || Target.HttpBaseUri is { IsAbsoluteUri: true },
            "target.httpBaseUri must be an absolute http:// URI");
        Check(errors, Protocol != LoadProtocol.Mqtt || (!string.IsNullOrEmpty(Target.MqttHost) && Target.MqttPort is > 0 and <= 65535),
            "protocol mqtt needs target.mqttHost and target.mqttPort");
        Check(errors, Target.MoreMqttPorts.All(p => p is > 0 and <= 65535) && Target.MqttPorts.Distinct().Count() == Target.MqttPorts.Count,
            "target.moreMqttPorts must be distinct ports in 1..65535, none equal to target.mqttPort");
    }

    private static bool IsIdChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or ':' or '-';
}
