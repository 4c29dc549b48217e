using System.Text;
using Bench.Backend.Analyze;
using Bench.Backend.Tests.Support;

namespace Bench.Backend.Tests;

public class AnalyzeRequestParserTests
{
    private const string Samples16 = "[1,-2,3,-4,5,-6,7,-8,8,-7,6,-5,4,-3,2,-1]";

    public static TheoryData<string> RefusedAnalyzeVectors { get; } = ContractVectors.InvalidNames("/jobs/analyze", 400);

    [Theory]
    [MemberData(nameof(RefusedAnalyzeVectors))]
    public void Refuses_each_invalid_vector_naming_its_field(string name)
    {
        var vector = ContractVectors.Find(ContractVectors.Invalid, name);

        Assert.False(AnalyzeRequestParser.TryParse(ContractVectors.Body(vector), out _, out var error));
        Assert.Equal(vector.GetProperty("expectedField").GetString(), error.Field);
    }

    [Fact]
    public void Applies_the_default_window_and_threshold()
    {
        var samples = string.Join(',', Enumerable.Repeat("0.5", 128));

        using var request = Parse($$"""{"samples":[{{samples}}],"sampleRateHz":1,"window":null}""");

        Assert.Equal((128, 64, 4.0), (request.Samples.Length, request.Window, request.Threshold));
    }

    [Fact]
    public void Takes_a_whole_valued_float_window_as_an_integer()
    {
        using var request = Parse($$$"""{"samples":{{{Samples16}}},"sampleRateHz":8e3,"window":4.0,"threshold":2.5,"extra":{"a":[1]}}""");

        Assert.Equal((4, 2.5, 8000.0), (request.Window, request.Threshold, request.SampleRateHz));
    }

    [Theory]
    [InlineData("""{"samples":[1e999,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0],"sampleRateHz":1,"window":2}""", "samples")]
    [InlineData("""{"samples":SAMPLES,"sampleRateHz":1e999,"window":2}""", "sampleRateHz")]
    [InlineData("""{"samples":SAMPLES,"sampleRateHz":1,"window":"2"}""", "window")]
    [InlineData("""{"samples":SAMPLES,"sampleRateHz":1,"window":2,"threshold":null}""", null)]
    public void Checks_each_field(string body, string? expectedField)
    {
        var json = Encoding.UTF8.GetBytes(body.Replace("SAMPLES", Samples16, StringComparison.Ordinal));

        var parsed = AnalyzeRequestParser.TryParse(json, out var request, out var error);
        request?.Dispose();

        Assert.Equal(expectedField is null, parsed);
        Assert.Equal(expectedField, error?.Field);
    }

    private static AnalyzeRequest Parse(string json)
    {
        Assert.True(AnalyzeRequestParser.TryParse(Encoding.UTF8.GetBytes(json), out var request, out var error), error?.Error);
        return request;
    }
}
