using System.Globalization;

namespace Bench.Harness.Orchestration.Compare;

/// <summary>
/// Which CPUs the backend and the load generator may use (taskset lists), recorded in the results. By default, on
/// two or more CPUs, the backend gets the last CPU and the generator (with the broker) the others, so the backend's
/// measured CPU and latency are its own and the generator cannot steal its core.
/// </summary>
internal sealed record CpuPlacement(string? Backend, string? Generator)
{
    public static CpuPlacement None { get; } = new(null, null);

    public static CpuPlacement Default(int onlineCpus) => onlineCpus < 2
        ? None
        : new CpuPlacement(
            (onlineCpus - 1).ToString(CultureInfo.InvariantCulture),
            onlineCpus == 2 ? "0" : string.Create(CultureInfo.InvariantCulture, $"0-{onlineCpus - 2}"));

    /// <summary>Parses <c>--cpus backend=1,generator=0</c>-style text: <c>none</c>, <c>auto</c>, or <c>B/G</c> taskset lists.</summary>
    public static CpuPlacement Parse(string text, int onlineCpus, List<string> errors)
    {
        switch (text)
        {
            case "auto":
                return Default(onlineCpus);
            case "none":
                return None;
        }

        var parts = text.Split('/');
        if (parts.Length != 2 || parts.Any(p => p.Length == 0 || !p.All(c => char.IsAsciiDigit(c) || c is ',' or '-')))
        {
            errors.Add($"--cpus '{text}': expected 'auto', 'none' or BACKEND/GENERATOR taskset lists such as '1/0'");
            return None;
        }

        return new CpuPlacement(parts[0], parts[1]);
    }

    public string Describe() => Backend is null ? "not pinned (one CPU, or --cpus none)" : $"backend on CPU {Backend}, generator and broker on CPU {Generator} (taskset)";
}
