namespace Bench.Load.Scheduling;

/// <summary>
/// The absolute send plan of an open-model load: send <c>i</c> is due when the rate integrated from the start
/// reaches <c>i</c> (for a constant rate at <c>i / rate</c>) within a stage whose rate is not zero; a stage
/// therefore starts with a send, and an idle stage holds none. Every offset is computed from the start, never
/// from the previous send, so the plan cannot drift however many sends it holds (methodology §1.5).
/// </summary>
public sealed class ArrivalPlan
{
    // Integrals of ramps are sums of products; snap values this close to a whole number onto it so that
    // "5 sends" is not 4.9999999 sends.
    private const double WholeNumberTolerance = 1e-9;

    private readonly ArrivalStage[] _stages;
    private readonly double[] _arrivalsBeforeStage;
    private readonly TimeSpan[] _stageStart;

    public ArrivalPlan(IEnumerable<ArrivalStage> stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        _stages = [.. stages];
        if (_stages.Length == 0)
        {
            throw new ArgumentException("An arrival plan needs at least one stage.", nameof(stages));
        }

        _arrivalsBeforeStage = new double[_stages.Length + 1];
        _stageStart = new TimeSpan[_stages.Length + 1];
        for (int k = 0; k < _stages.Length; k++)
        {
            Validate(_stages[k], k);
            _arrivalsBeforeStage[k + 1] = Snap(_arrivalsBeforeStage[k] + _stages[k].Arrivals);
            _stageStart[k + 1] = _stageStart[k] + _stages[k].Duration;
        }

        TotalSends = (long)Math.Ceiling(_arrivalsBeforeStage[^1]);
    }

    public ArrivalPlan(params ArrivalStage[] stages)
        : this((IEnumerable<ArrivalStage>)stages)
    {
    }

    public IReadOnlyList<ArrivalStage> Stages => _stages;

    /// <summary>Sends in the whole plan: every <c>i</c> whose due time falls before the end of the last stage.</summary>
    public long TotalSends { get; }

    public TimeSpan Duration => _stageStart[^1];

    /// <summary>When send <paramref name="index"/> is due, in ticks of <paramref name="timestampFrequency"/> after the start.</summary>
    public long OffsetOf(long index, long timestampFrequency)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, TotalSends);
        int k = StageOf(index);
        ArrivalStage stage = _stages[k];
        double withinStage = index - _arrivalsBeforeStage[k];
        // A constant stage divides last, which keeps i·f/rate exact for whole rates (i·f < 2^53).
        double ticksIntoStage = stage.IsConstant
            ? withinStage * timestampFrequency / stage.StartRate
            : stage.SecondsToReach(withinStage) * timestampFrequency;
        return ToTimestampTicks(_stageStart[k], timestampFrequency) + (long)ticksIntoStage;
    }

    /// <summary>How many sends are due at or before <paramref name="elapsed"/> after the start.</summary>
    public long SendsDueBy(TimeSpan elapsed)
    {
        if (elapsed < TimeSpan.Zero)
        {
            return 0;
        }

        int k = _stages.Length - 1;
        while (k > 0 && _stageStart[k] > elapsed)
        {
            k--;
        }

        ArrivalStage stage = _stages[k];
        double t = Math.Min((elapsed - _stageStart[k]).TotalSeconds, stage.Duration.TotalSeconds);
        double slope = (stage.EndRate - stage.StartRate) / stage.Duration.TotalSeconds;
        double reached = Snap(_arrivalsBeforeStage[k] + (stage.StartRate * t) + (slope * t * t / 2));
        // Stage k holds sends ceil(C_k) .. ceil(C_k+1) - 1; of those, the ones with i <= reached are due.
        long firstOfStage = (long)Math.Ceiling(_arrivalsBeforeStage[k]);
        long firstOfNextStage = (long)Math.Ceiling(_arrivalsBeforeStage[k + 1]);
        return reached < firstOfStage ? firstOfStage : Math.Min((long)Math.Floor(reached) + 1, firstOfNextStage);
    }

    private int StageOf(long index)
    {
        // The last stage whose first arrival is at or before index, skipping stages with no arrivals.
        int k = Array.BinarySearch(_arrivalsBeforeStage, 0, _stages.Length, index);
        k = k >= 0 ? k : ~k - 1;
        while (k + 1 < _stages.Length && _arrivalsBeforeStage[k + 1] <= index)
        {
            k++;
        }

        return k;
    }

    private static long ToTimestampTicks(TimeSpan span, long timestampFrequency) =>
        (long)((Int128)span.Ticks * timestampFrequency / TimeSpan.TicksPerSecond);

    private static double Snap(double value)
    {
        double whole = Math.Round(value);
        return Math.Abs(value - whole) < WholeNumberTolerance ? whole : value;
    }

    private static void Validate(ArrivalStage stage, int k)
    {
        if (stage.Duration <= TimeSpan.Zero)
        {
            throw new ArgumentException($"Stage {k}: duration must be positive, was {stage.Duration}.", "stages");
        }

        if (!double.IsFinite(stage.StartRate) || !double.IsFinite(stage.EndRate) || stage.StartRate < 0 || stage.EndRate < 0)
        {
            throw new ArgumentException(
                $"Stage {k}: rates must be finite and not negative, were {stage.StartRate} and {stage.EndRate}.", "stages");
        }
    }
}
