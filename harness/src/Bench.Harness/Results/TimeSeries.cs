namespace Bench.Harness.Results;

/// <summary>One quantity over a cell, as parallel arrays: <paramref name="Seconds"/> since the cell started, and the values.</summary>
/// <param name="Name">Dotted name, for example <c>backend.cpu</c> or <c>throughput</c>.</param>
/// <param name="Unit">Unit of <paramref name="Values"/>.</param>
/// <param name="Seconds">Time of each point, seconds since the cell started.</param>
/// <param name="Values">The value at each point.</param>
internal sealed record TimeSeries(string Name, string Unit, IReadOnlyList<double> Seconds, IReadOnlyList<double> Values);
