using System.Text;
using System.Text.Json.Nodes;

namespace Bench.Harness.Verification;

/// <summary>Every shared invalid-request vector: the exact status, and for 400 the reported field; the backend keeps serving.</summary>
internal sealed class InvalidRequestChecks : IContractCheckGroup
{
    /// <summary>Bodies this large may be refused before they are fully sent; they go through <see cref="RawHttpExchange"/>.</summary>
    private const int LargeBody = 64 * 1024;

    public string Group => "invalid";

    public async Task<IReadOnlyList<CheckResult>> RunAsync(VerifyContext context, CancellationToken cancellationToken)
    {
        var results = new List<CheckResult>();
        foreach (var vector in context.Vectors.InvalidVectors)
        {
            var name = vector["name"]?.ToString() ?? "unnamed";
            try
            {
                var body = Body(vector);
                var response = body is { Length: > LargeBody }
                    ? await RawHttpExchange.SendAsync(context.Client.BaseAddress, vector["method"]!.ToString(), vector["path"]!.ToString(), vector["contentType"]?.ToString(), body, cancellationToken).ConfigureAwait(false)
                    : await context.Client.SendAsync(
                        new HttpMethod(vector["method"]!.ToString()), vector["path"]!.ToString(), vector["contentType"]?.ToString(), body, cancellationToken).ConfigureAwait(false);
                var problem = Judge(vector, response);
                results.Add(problem is null ? CheckResult.Pass(Group, name) : CheckResult.Fail(Group, name, problem));
            }
            catch (HttpRequestException ex)
            {
                results.Add(CheckResult.Fail(Group, name, $"request failed: {ex.Message}"));
            }
        }

        return results;
    }

    /// <summary>The body exactly as the vector describes it: literal text, or prefix + unit × count + suffix.</summary>
    internal static byte[]? Body(JsonObject vector)
    {
        if (vector["body"] is { } body)
        {
            return Encoding.UTF8.GetBytes(body.GetValue<string>());
        }

        if (vector["bodyRepeat"] is JsonObject repeat)
        {
            var builder = new StringBuilder(repeat["prefix"]?.ToString());
            builder.Insert(builder.Length, repeat["unit"]?.ToString() ?? string.Empty, repeat["count"]?.GetValue<int>() ?? 0);
            builder.Append(repeat["suffix"]?.ToString());
            return Encoding.UTF8.GetBytes(builder.ToString());
        }

        return null;
    }

    private static string? Judge(JsonObject vector, ContractResponse response)
    {
        var status = vector["expectedStatus"]!.GetValue<int>();
        if (response.Code != status)
        {
            return $"expected {status}, got {response.Describe()}";
        }

        if (response.Json?["error"] is null)
        {
            return $"expected a JSON body with \"error\", got {response.Describe()}";
        }

        if (status == 400 && vector.ContainsKey("expectedField"))
        {
            var field = vector["expectedField"]?.ToString();
            var got = response.Json["field"]?.ToString();
            if (field != got)
            {
                return $"expected field {field ?? "null"}, got {got ?? "null"}";
            }
        }

        return null;
    }
}
