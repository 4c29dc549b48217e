namespace Bench.Harness.Workloads;

/// <summary>
/// Collects every problem found in one file, each as "FILE: FIELD: MESSAGE" (k6 style), so a user fixes
/// everything in one pass. Read helpers return null after recording the problem, never throw.
/// </summary>
internal sealed class ValidationReport(string file, List<string> errors)
{
    private int _count;

    public string File { get; } = file;

    /// <summary>True once a problem of this file was recorded (the shared list may hold other files' problems too).</summary>
    public bool HasErrors => _count > 0;

    public void Add(string field, string message)
    {
        errors.Add($"{File}: {field}: {message}");
        _count++;
    }

    /// <summary>A required value; records "is required" when absent.</summary>
    public T? Required<T>(string field, T? value)
        where T : struct
    {
        if (value is null)
        {
            Add(field, "is required");
        }

        return value;
    }

    /// <summary>A duration field: absent gives <paramref name="fallback"/> (or "is required" when there is none); it must be at least <paramref name="minimum"/>.</summary>
    public TimeSpan? Duration(string field, string? text, TimeSpan? fallback, TimeSpan minimum)
    {
        if (text is null)
        {
            if (fallback is null)
            {
                Add(field, "is required");
            }

            return fallback;
        }

        if (!DurationText.TryParse(text, out var duration))
        {
            Add(field, $"must be a duration such as {DurationText.Examples} (got '{text}')");
            return null;
        }

        if (duration < minimum)
        {
            Add(field, $"must be at least {DurationText.Format(minimum)} (got {text})");
            return null;
        }

        return duration;
    }

    /// <summary>Checks <paramref name="value"/> against a rule; records "must be RULE (got VALUE)" when it fails.</summary>
    public T? Check<T>(string field, T? value, Func<T, bool> rule, string ruleText)
        where T : struct
    {
        if (value is { } present && !rule(present))
        {
            Add(field, $"must be {ruleText} (got {present})");
            return null;
        }

        return value;
    }
}
