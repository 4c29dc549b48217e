using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Bench.Backend.Tests.Support;

namespace Bench.Backend.Tests.EndToEnd;

[Collection(BackendProcessCollection.Name)]
public class HttpRouteTests(BackendFixture fixture)
{
    public static TheoryData<string> InvalidVectors { get; } = ContractVectors.Names(ContractVectors.Invalid);

    public static TheoryData<string> AnalyzeVectors { get; } = ContractVectors.Names(ContractVectors.Analyze);

    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task Reports_health_with_its_name_and_pid()
    {
        using var response = await Http.GetAsync(new Uri("health", UriKind.Relative));
        var body = await ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("ok", "dotnet", fixture.Backend.Pid),
            (body.GetProperty("status").GetString(), body.GetProperty("backend").GetString(), body.GetProperty("pid").GetInt32()));
    }

    [Theory]
    [MemberData(nameof(InvalidVectors))]
    public async Task Refuses_each_invalid_vector_with_its_status_and_a_json_error(string name)
    {
        var vector = ContractVectors.Find(ContractVectors.Invalid, name);

        using var response = await SendAsync(vector);
        var body = await ReadJsonAsync(response);

        Assert.Equal(vector.GetProperty("expectedStatus").GetInt32(), (int)response.StatusCode);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("error").GetString()));
        Assert.Equal(vector.GetProperty("expectedField").GetString(), body.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Keeps_serving_after_refusing_oversized_bodies()
    {
        // Repeated: a refused body that Kestrel failed to drain would show up as a broken pipe on some attempts.
        var names = Enumerable.Repeat(new[] { "telemetry-body-over-64-KiB", "analyze-body-over-1-MiB" }, 5).SelectMany(n => n);
        foreach (var name in names)
        {
            using var refused = await SendAsync(ContractVectors.Find(ContractVectors.Invalid, name));
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);

            using var health = await Http.GetAsync(new Uri("health", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }
    }

    [Fact]
    public async Task Serves_the_device_states_of_the_telemetry_vectors()
    {
        foreach (var reading in ContractVectors.Telemetry.GetProperty("valid").EnumerateArray())
        {
            using var response = await PostJsonAsync("telemetry", reading.GetRawText());
            var body = await ReadJsonAsync(response);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            Assert.Equal(reading.GetProperty("deviceId").GetString(), body.GetProperty("deviceId").GetString());
            Assert.Equal(reading.GetProperty("seq").GetDouble(), body.GetProperty("seq").GetInt64());
        }

        foreach (var expected in ContractVectors.Telemetry.GetProperty("states").EnumerateArray())
        {
            using var response = await Http.GetAsync(new Uri($"devices/{expected.GetProperty("deviceId").GetString()}", UriKind.Relative));
            var actual = await ReadJsonAsync(response);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            foreach (var field in new[] { "deviceId", "count", "lastSeq", "lastTs" })
                Assert.Equal(expected.GetProperty(field).GetRawText(), actual.GetProperty(field).GetRawText());
            Assert.Equal(expected.GetProperty("temperatureMean").GetDouble(), actual.GetProperty("temperatureMean").GetDouble(), 1e-9);
        }
    }

    [Theory]
    [MemberData(nameof(AnalyzeVectors))]
    public async Task Answers_each_analyze_vector(string name)
    {
        var vector = ContractVectors.Find(ContractVectors.Analyze, name);

        using var response = await PostJsonAsync("jobs/analyze", vector.GetProperty("request").GetRawText());
        var actual = await ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var expected = vector.GetProperty("expected");
        Assert.Equal(expected.GetProperty("n").GetInt32(), actual.GetProperty("n").GetInt32());
        foreach (var field in new[] { "mean", "std", "min", "max", "dominantHz" })
        {
            var (e, a) = (expected.GetProperty(field).GetDouble(), actual.GetProperty(field).GetDouble());
            Assert.True(Math.Abs(a - e) <= 1e-9 * Math.Max(1, Math.Abs(e)), $"{field}: expected {e:R}, got {a:R}");
        }
        Assert.Equal(expected.GetProperty("anomalies").GetRawText(), actual.GetProperty("anomalies").GetRawText());
    }

    [Fact]
    public async Task Counts_readings_and_jobs_in_stats()
    {
        var before = await StatsAsync();

        (await PostJsonAsync("telemetry", """{"deviceId":"stats-1","seq":1,"ts":1,"temperature":1,"humidity":1,"battery":1}""")).Dispose();
        (await PostJsonAsync("telemetry", """{"deviceId":"stats-1"}""")).Dispose();
        (await PostJsonAsync("jobs/analyze", """{"samples":[1,2,1,2,1,2,1,2,1,2,1,2,1,2,1,2],"sampleRateHz":2,"window":2}""")).Dispose();
        var after = await StatsAsync();

        Assert.Equal(before.Accepted + 1, after.Accepted);
        Assert.Equal(before.Rejected + 1, after.Rejected);
        Assert.Equal(before.Devices + 1, after.Devices);
        Assert.Equal(before.Jobs + 1, after.Jobs);
        Assert.Equal(0, after.MqttMessages);
    }

    private async Task<(long Accepted, long Rejected, long Devices, long Jobs, long MqttMessages)> StatsAsync()
    {
        using var response = await Http.GetAsync(new Uri("stats", UriKind.Relative));
        var body = await ReadJsonAsync(response);
        return (body.GetProperty("accepted").GetInt64(), body.GetProperty("rejected").GetInt64(), body.GetProperty("devices").GetInt64(),
            body.GetProperty("jobs").GetInt64(), body.GetProperty("mqttMessages").GetInt64());
    }

    private Task<HttpResponseMessage> PostJsonAsync(string path, string json)
    {
        var content = new StringContent(json, Encoding.UTF8, "application/json");
        return Http.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    private async Task<HttpResponseMessage> SendAsync(JsonElement vector)
    {
        using var request = new HttpRequestMessage(new HttpMethod(vector.GetProperty("method").GetString()!),
            new Uri(vector.GetProperty("path").GetString()!.TrimStart('/'), UriKind.Relative));
        var body = ContractVectors.Body(vector);
        if (body.Length > 0 || request.Method == HttpMethod.Post)
        {
            request.Content = new ByteArrayContent(body);
            if (vector.GetProperty("contentType").GetString() is { } contentType)
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
        return await Http.SendAsync(request);
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }
}
