using System.Runtime.InteropServices;
using Bench.Python.Native;

namespace Bench.Python;

/// <summary>
/// The CPython interpreter embedded in this process: started once, never finalised, usable from any thread.
/// </summary>
/// <remarks>
/// The interpreter is not finalised because NumPy does not survive a second initialisation in one process;
/// the operating system reclaims it at exit. Signal handlers are left to .NET (<c>Py_InitializeEx(0)</c>), so
/// SIGTERM and Ctrl-C keep their .NET meaning.
/// </remarks>
public sealed class PythonRuntime
{
    private static readonly Lock Gate = new();
    private static PythonRuntime? s_instance;

    private PythonRuntime(string library, string version)
    {
        LibraryName = library;
        Version = version;
    }

    /// <summary>The libpython file that was loaded.</summary>
    public string LibraryName { get; }

    /// <summary><c>sys.version</c> of the embedded interpreter.</summary>
    public string Version { get; }

    /// <summary>Starts the interpreter the first time; later calls return the same runtime and ignore their options.</summary>
    /// <exception cref="PythonUnavailableException">libpython cannot be loaded or does not start.</exception>
    public static PythonRuntime Initialize(PythonRuntimeOptions? options = null)
    {
        lock (Gate)
        {
            return s_instance ??= Start(options ?? PythonRuntimeOptions.Default);
        }
    }

    /// <summary>Takes the GIL for the current thread; dispose the result to release it.</summary>
    public PythonGil AcquireGil() => PythonGil.Acquire();

    /// <summary>Imports a module (<c>import name</c>).</summary>
    public PythonModule Import(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        using var gil = AcquireGil();
        return new PythonModule(name, PyRef.Own(CPython.PyImport_ImportModule(name)));
    }

    /// <summary>Runs <paramref name="source"/> as the body of a new module called <paramref name="name"/>.</summary>
    public PythonModule LoadModule(string name, string source)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(source);
        using var gil = AcquireGil();
        var fileName = $"<{name}>";
        using var code = PyRef.Own(CPython.Py_CompileString(source, fileName, CPython.FileInput));
        return new PythonModule(name, PyRef.Own(CPython.PyImport_ExecCodeModuleEx(name, code.Handle, fileName)));
    }

    private static PythonRuntime Start(PythonRuntimeOptions options)
    {
        var library = PythonLibrary.Load(options.LibraryCandidates);
        if (CPython.Py_IsInitialized() == 0)
        {
            // Py_SetProgramName keeps the pointer for the life of the process; Py_DecodeLocale's buffer is never freed.
            CPython.Py_SetProgramName(CPython.Py_DecodeLocale(options.ProgramName, 0));
            CPython.Py_InitializeEx(0);
            // The thread that initialises holds the GIL; hand it back so that any thread can take it.
            CPython.PyEval_SaveThread();
        }
        using var gil = PythonGil.Acquire();
        PythonErrors.Initialize();
        PrependSearchPaths(options.ModuleSearchPaths);
        var version = Marshal.PtrToStringUTF8(CPython.Py_GetVersion()) ?? "unknown";
        return new PythonRuntime(library, version);
    }

    private static void PrependSearchPaths(IReadOnlyList<string> paths)
    {
        var sysPath = CPython.PySys_GetObject("path");
        if (sysPath == 0)
            throw new PythonUnavailableException("the embedded interpreter has no sys.path");
        for (var i = paths.Count - 1; i >= 0; i--)
        {
            using var entry = PyRef.Own(CPython.PyUnicode_FromString(paths[i]));
            if (CPython.PyList_Insert(sysPath, 0, entry.Handle) != 0)
                throw PythonErrors.TakeCurrent();
        }
    }
}
