using Bench.Python.Native;

namespace Bench.Python.Analyze;

/// <summary>
/// Runs the analyze job (contract §4) with NumPy inside this process: the Python backend's kernel
/// (<c>bench_backend.analyze</c>) over a read-only memoryview of the caller's samples, so nothing is copied
/// on the way in. Safe to call from many threads; the GIL lets one of them run Python at a time.
/// </summary>
public sealed class NumPyAnalyzer
{
    private const string GlueModule = "bench_numpy_analyze";
    private static readonly Lock Gate = new();
    private static NumPyAnalyzer? s_instance;

    private readonly nint _analyzeBuffer;

    private NumPyAnalyzer(nint analyzeBuffer) => _analyzeBuffer = analyzeBuffer;

    /// <summary>The analyzer of <paramref name="runtime"/>, loading NumPy and the kernel on first use.</summary>
    /// <exception cref="PythonUnavailableException">NumPy or the kernel module cannot be imported.</exception>
    public static NumPyAnalyzer Create(PythonRuntime runtime)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        lock (Gate)
        {
            return s_instance ??= Load(runtime);
        }
    }

    /// <summary>Analyzes <paramref name="samples"/>, which must stay unchanged during the call.</summary>
    /// <exception cref="PythonException">The kernel raised (for instance a window longer than the samples).</exception>
    public unsafe NumPyAnalysis Analyze(ReadOnlySpan<double> samples, double sampleRateHz, int window, double threshold)
    {
        using var gil = PythonGil.Acquire();
        fixed (double* data = samples)
        {
            using var view = PyRef.Own(CPython.PyMemoryView_FromMemory(data, (nint)samples.Length * sizeof(double), CPython.BufferRead));
            try
            {
                using var args = PyConvert.Tuple([null, sampleRateHz, window, threshold]);
                CPython.PyTuple_SetItem(args.Handle, 0, view.Steal());
                using var result = PyRef.Own(CPython.PyObject_Call(_analyzeBuffer, args.Handle, 0));
                return ReadResult(samples.Length, result.Handle);
            }
            finally
            {
                Release(view);
            }
        }
    }

    private static NumPyAnalysis ReadResult(int n, nint tuple)
    {
        var anomalyList = CPython.PyTuple_GetItem(tuple, 5);
        var count = CPython.PyList_Size(anomalyList);
        var anomalies = new int[count];
        for (nint i = 0; i < count; i++)
            anomalies[i] = checked((int)PyConvert.ToInt64(CPython.PyList_GetItem(anomalyList, i)));
        return new NumPyAnalysis(
            n,
            PyConvert.ToDouble(CPython.PyTuple_GetItem(tuple, 0)),
            PyConvert.ToDouble(CPython.PyTuple_GetItem(tuple, 1)),
            PyConvert.ToDouble(CPython.PyTuple_GetItem(tuple, 2)),
            PyConvert.ToDouble(CPython.PyTuple_GetItem(tuple, 3)),
            PyConvert.ToDouble(CPython.PyTuple_GetItem(tuple, 4)),
            anomalies);
    }

    /// <summary>
    /// Ends the memoryview's access to the pinned samples before the pin goes. <c>release()</c> raises
    /// <c>BufferError</c> while a NumPy array still exports the buffer: that would be a kernel keeping a
    /// view of memory it does not own, and it is reported rather than left to read freed memory later.
    /// </summary>
    private static void Release(PyRef view)
    {
        using var release = PyRef.Own(CPython.PyObject_GetAttrString(view.Handle, "release"));
        using var _ = PyRef.Own(CPython.PyObject_CallNoArgs(release.Handle));
    }

    private static NumPyAnalyzer Load(PythonRuntime runtime)
    {
        using var stream = typeof(NumPyAnalyzer).Assembly.GetManifestResourceStream($"Bench.Python.Analyze.numpy_analyze.py")
            ?? throw new InvalidOperationException("the NumPy kernel module is not embedded in Bench.Python");
        using var reader = new StreamReader(stream);
        PythonModule module;
        try
        {
            module = runtime.LoadModule(GlueModule, reader.ReadToEnd());
        }
        catch (PythonException e)
        {
            throw new PythonUnavailableException($"the NumPy kernel cannot be loaded: {e.Message}", e);
        }
        return new NumPyAnalyzer(module.GetAttribute("analyze_buffer"));
    }
}
