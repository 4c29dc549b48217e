using System.Text;
using Bench.Backend.Http;
using Microsoft.AspNetCore.Http;

namespace Bench.Backend.Tests;

public class JsonRequestBodyTests
{
    [Theory]
    [InlineData("application/json", true)]
    [InlineData("application/json; charset=utf-8", true)]
    [InlineData("Application/JSON;charset=UTF-8", true)]
    [InlineData("text/plain", false)]
    [InlineData("application/json-patch+json", false)]
    [InlineData(null, false)]
    public void Accepts_only_application_json_with_parameters(string? contentType, bool expected)
    {
        Assert.Equal(expected, JsonRequestBody.IsJson(contentType));
    }

    [Theory]
    [InlineData(10, true, 200)]
    [InlineData(11, true, 413)]
    [InlineData(10, false, 200)]
    [InlineData(11, false, 413)]
    public async Task Refuses_bodies_over_the_limit_whether_or_not_their_length_is_declared(int length, bool declared, int expectedStatus)
    {
        var request = Request("application/json", new string('1', length), declared);

        using var body = await JsonRequestBody.ReadAsync(request, limit: 10, CancellationToken.None);

        Assert.Equal(expectedStatus, body.Status);
        Assert.Equal(expectedStatus == 200 ? length : 0, body.Length);
    }

    [Fact]
    public async Task Refuses_a_wrong_content_type_with_415()
    {
        using var body = await JsonRequestBody.ReadAsync(Request("text/plain", "{}", declared: true), limit: 10, CancellationToken.None);

        Assert.Equal((415, null), (body.Status, body.Error!.Field));
    }

    private static HttpRequest Request(string contentType, string text, bool declared)
    {
        var context = new DefaultHttpContext();
        var bytes = Encoding.UTF8.GetBytes(text);
        context.Request.ContentType = contentType;
        context.Request.Body = new MemoryStream(bytes);
        if (declared)
            context.Request.ContentLength = bytes.Length;
        return context.Request;
    }
}
