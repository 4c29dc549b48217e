using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Bench.Mqtt;

namespace Bench.Harness.Verification;

/// <summary>The MQTT round trip through the broker: a valid reading is acked on devices/{id}/ack, an invalid one answered on devices/{id}/error.</summary>
internal sealed class MqttChecks : IContractCheckGroup
{
    private static readonly TimeSpan ReplyDeadline = TimeSpan.FromSeconds(5);

    public string Group => "mqtt";

    public async Task<IReadOnlyList<CheckResult>> RunAsync(VerifyContext context, CancellationToken cancellationToken)
    {
        if (context.BrokerUrl is null)
        {
            return [new CheckResult(Group, "round trip", CheckOutcome.Warn, "no broker: MQTT not checked")];
        }

        var device = "verify-mqtt-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var replies = Channel.CreateUnbounded<(string Topic, string Payload)>();
        var broker = new Uri(context.BrokerUrl);
        var options = new MqttClientOptions(broker.Host, broker.Port, device + "-probe");
        await using var client = await MqttClient.ConnectAsync(
            options, (topic, payload) => replies.Writer.TryWrite((topic, Encoding.UTF8.GetString(payload))), cancellationToken).ConfigureAwait(false);
        await client.SubscribeAsync($"devices/{device}/+", MqttQos.AtLeastOnce, cancellationToken).ConfigureAwait(false);
        var before = await context.Client.GetAsync("/stats", cancellationToken).ConfigureAwait(false);

        var results = new List<CheckResult>
        {
            await ExpectAsync(client, replies.Reader, device, "valid reading → devices/{id}/ack", Reading(device, 7).ToJsonString(), "ack",
                json => JsonNumbers.Equal(json?["seq"], 7), cancellationToken).ConfigureAwait(false),
            await ExpectAsync(client, replies.Reader, device, "invalid reading → devices/{id}/error", "{\"deviceId\":\"" + device + "\",\"seq\":\"x\"}", "error",
                json => json?["error"] is not null, cancellationToken).ConfigureAwait(false),
            await ExpectAsync(client, replies.Reader, device, "malformed JSON → devices/{id}/error", "{not json", "error",
                json => json?["error"] is not null, cancellationToken).ConfigureAwait(false),
        };
        var after = await context.Client.GetAsync("/stats", cancellationToken).ConfigureAwait(false);
        var counted = after.Json?["mqttMessages"]?.GetValue<long>() - before.Json?["mqttMessages"]?.GetValue<long>();
        var detail = $"mqttMessages grew by {counted?.ToString(CultureInfo.InvariantCulture) ?? "?"} after 3 messages";
        results.Add(counted == 3 ? CheckResult.Pass(Group, "/stats counts MQTT messages")
            : context.IsExempt("stats", out var reason) ? new CheckResult(Group, "/stats counts MQTT messages", CheckOutcome.Warn, $"{detail}; exempt: {reason}")
            : CheckResult.Fail(Group, "/stats counts MQTT messages", detail));
        await client.DisconnectAsync(cancellationToken).ConfigureAwait(false);
        return results;
    }

    private static JsonObject Reading(string device, int seq) => new()
    {
        ["deviceId"] = device,
        ["seq"] = seq,
        ["ts"] = 1_763_769_600_000L,
        ["temperature"] = 21.5,
        ["humidity"] = 40,
        ["battery"] = 80,
    };

    private async Task<CheckResult> ExpectAsync(
        MqttClient client, ChannelReader<(string Topic, string Payload)> replies, string device, string name, string payload, string kind,
        Func<JsonNode?, bool> judge, CancellationToken cancellationToken)
    {
        await client.PublishAsync($"devices/{device}/telemetry", Encoding.UTF8.GetBytes(payload), MqttQos.AtLeastOnce, cancellationToken).ConfigureAwait(false);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ReplyDeadline);
        try
        {
            while (true)
            {
                var (topic, text) = await replies.ReadAsync(timeout.Token).ConfigureAwait(false);
                if (topic.EndsWith("/telemetry", StringComparison.Ordinal))
                {
                    continue; // our own publish, echoed by the wildcard subscription
                }

                var json = TryParse(text);
                return topic == $"devices/{device}/{kind}" && judge(json)
                    ? CheckResult.Pass(Group, name)
                    : CheckResult.Fail(Group, name, $"got '{text}' on {topic}");
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return CheckResult.Fail(Group, name, $"nothing on devices/{device}/{kind} within {ReplyDeadline.TotalSeconds:0} s");
        }
    }

    private static JsonNode? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
