namespace Bench.Harness.Cli;

/// <summary>The harness's exit codes (README, "Exit codes").</summary>
internal static class ExitCodes
{
    /// <summary>Everything ran and passed.</summary>
    public const int Ok = 0;

    /// <summary>A threshold or the regression gate failed.</summary>
    public const int ThresholdFailed = 1;

    /// <summary>Invalid input: options, workload or backend files. Nothing was started.</summary>
    public const int InvalidInput = 2;

    /// <summary>A run error: a crash, a failed verify, a saturated generator, or an interrupted run.</summary>
    public const int RunError = 3;
}
