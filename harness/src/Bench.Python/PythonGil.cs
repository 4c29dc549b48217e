using Bench.Python.Native;

namespace Bench.Python;

/// <summary>
/// Holds the global interpreter lock on the current thread until disposed. A <c>ref struct</c>, so it cannot
/// cross an <c>await</c>: the GIL must be released by the thread that took it.
/// </summary>
/// <remarks>
/// <c>PyGILState_Ensure</c> works from any .NET thread: it gives a thread Python has never seen a thread
/// state of its own, and nests when the thread already holds the GIL.
/// </remarks>
public ref struct PythonGil
{
    private readonly int _state;
    private bool _held;

    internal PythonGil(int state)
    {
        _state = state;
        _held = true;
    }

    internal static PythonGil Acquire() => new(CPython.PyGILState_Ensure());

    public void Dispose()
    {
        if (!_held)
            return;
        _held = false;
        CPython.PyGILState_Release(_state);
    }
}
