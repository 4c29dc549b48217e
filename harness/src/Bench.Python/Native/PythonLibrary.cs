using System.Reflection;
using System.Runtime.InteropServices;

namespace Bench.Python.Native;

/// <summary>
/// Opens libpython with <c>dlopen(RTLD_NOW | RTLD_GLOBAL)</c> and points <see cref="CPython.Library"/> at it.
/// </summary>
/// <remarks>
/// NumPy's extension modules are shared objects that expect the interpreter's symbols (<c>PyFloat_Type</c> …)
/// to be in the global namespace, as they are in the <c>python3</c> executable. The runtime's own loader opens
/// libraries <c>RTLD_LOCAL</c>, and <c>import numpy</c> then fails with "undefined symbol".
/// </remarks>
internal static class PythonLibrary
{
    private static readonly Lock Gate = new();
    private static nint s_handle;

    public static bool IsLoaded => s_handle != 0;

    /// <summary>Opens the first candidate that loads; returns the file name that did, or throws with every loader error.</summary>
    public static string Load(IReadOnlyList<string> candidates)
    {
        lock (Gate)
        {
            var errors = new List<string>();
            foreach (var candidate in candidates)
            {
                var handle = LibDl.Open(candidate, LibDl.Now | LibDl.Global);
                if (handle == 0)
                {
                    errors.Add(LibDl.LastErrorText() ?? candidate);
                    continue;
                }
                if (s_handle == 0)
                {
                    s_handle = handle;
                    NativeLibrary.SetDllImportResolver(typeof(PythonLibrary).Assembly, Resolve);
                }
                return candidate;
            }
            throw new PythonUnavailableException($"libpython could not be loaded: {string.Join("; ", errors)}");
        }
    }

    /// <summary>The address of an exported data symbol such as <c>_Py_NoneStruct</c>.</summary>
    public static nint GetExport(string name) => NativeLibrary.GetExport(s_handle, name);

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        libraryName == CPython.Library ? s_handle : 0;
}
