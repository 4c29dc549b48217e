using System.Security.Cryptography;
using System.Text;

namespace Bench.Harness.Agents.Remote;

/// <summary>
/// The shared secret a controller presents to a remote agent (<c>--token</c> or <c>BENCH_AGENT_TOKEN</c>).
/// Compared in constant time over SHA-256 digests, so neither the content nor the length of the secret leaks through timing.
/// </summary>
internal sealed class AgentToken
{
    public const string EnvironmentVariable = "BENCH_AGENT_TOKEN";
    public const int MinimumLength = 16;

    private readonly byte[] _digest;

    private AgentToken(string value)
    {
        Value = value;
        _digest = Digest(value);
    }

    public string Value { get; }

    /// <summary>The option when given, else the environment variable; null (with the reason in <paramref name="errors"/>) when missing or too short.</summary>
    public static AgentToken? Resolve(string? option, string? environment, string optionName, List<string> errors)
    {
        var value = option ?? environment;
        if (string.IsNullOrEmpty(value))
        {
            errors.Add($"a shared token is required: {optionName} TOKEN or the {EnvironmentVariable} environment variable (for example: openssl rand -hex 32)");
            return null;
        }

        if (value.Length < MinimumLength)
        {
            errors.Add($"the shared token must be at least {MinimumLength} characters long");
            return null;
        }

        return new AgentToken(value);
    }

    public bool Matches(string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(_digest, Digest(presented));

    /// <summary>Never prints the secret (records and logs call ToString).</summary>
    public override string ToString() => "(token)";

    private static byte[] Digest(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));
}
