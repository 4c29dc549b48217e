using System.Runtime.InteropServices;

namespace Bench.Python.Native;

/// <summary>
/// The part of the CPython 3.11 C API that Bench uses. Every function here except the pre-initialisation ones
/// needs the GIL; reference ownership follows the C API documentation ("new" vs "borrowed" reference).
/// </summary>
/// <remarks>
/// <see cref="Library"/> is a logical name: <see cref="PythonLibrary"/> resolves it to the handle it opened
/// with <c>dlopen(RTLD_NOW | RTLD_GLOBAL)</c>, never through the runtime's own <c>RTLD_LOCAL</c> load.
/// </remarks>
internal static unsafe partial class CPython
{
    public const string Library = "bench-libpython";

    /// <summary><c>Py_file_input</c>: compile a sequence of statements, as a module body.</summary>
    public const int FileInput = 257;

    /// <summary><c>PyBUF_READ</c>: a read-only memoryview.</summary>
    public const int BufferRead = 0x100;

    [LibraryImport(Library)]
    public static partial int Py_IsInitialized();

    [LibraryImport(Library)]
    public static partial void Py_InitializeEx(int initsigs);

    [LibraryImport(Library)]
    public static partial void Py_SetProgramName(nint name);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint Py_DecodeLocale(string arg, nint size);

    [LibraryImport(Library)]
    public static partial nint Py_GetVersion();

    [LibraryImport(Library)]
    public static partial nint PyEval_SaveThread();

    [LibraryImport(Library)]
    public static partial int PyGILState_Ensure();

    [LibraryImport(Library)]
    public static partial void PyGILState_Release(int state);

    [LibraryImport(Library)]
    public static partial int PyGILState_Check();

    [LibraryImport(Library)]
    public static partial void Py_IncRef(nint obj);

    [LibraryImport(Library)]
    public static partial void Py_DecRef(nint obj);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint PyImport_ImportModule(string name);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint Py_CompileString(string source, string fileName, int start);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint PyImport_ExecCodeModuleEx(string name, nint code, string pathName);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint PyObject_GetAttrString(nint obj, string name);

    [LibraryImport(Library)]
    public static partial nint PyObject_Call(nint callable, nint args, nint kwargs);

    [LibraryImport(Library)]
    public static partial nint PyObject_CallNoArgs(nint callable);

    [LibraryImport(Library)]
    public static partial nint PyObject_Str(nint obj);

    [LibraryImport(Library)]
    public static partial nint PyTuple_New(nint size);

    /// <summary>Steals the reference to <paramref name="item"/>, even when it fails.</summary>
    [LibraryImport(Library)]
    public static partial int PyTuple_SetItem(nint tuple, nint position, nint item);

    [LibraryImport(Library)]
    public static partial nint PyTuple_Size(nint tuple);

    /// <summary>Borrowed reference.</summary>
    [LibraryImport(Library)]
    public static partial nint PyTuple_GetItem(nint tuple, nint position);

    [LibraryImport(Library)]
    public static partial nint PyList_Size(nint list);

    /// <summary>Borrowed reference.</summary>
    [LibraryImport(Library)]
    public static partial nint PyList_GetItem(nint list, nint index);

    [LibraryImport(Library)]
    public static partial int PyList_Insert(nint list, nint index, nint item);

    [LibraryImport(Library)]
    public static partial nint PyFloat_FromDouble(double value);

    [LibraryImport(Library)]
    public static partial double PyFloat_AsDouble(nint obj);

    [LibraryImport(Library)]
    public static partial nint PyLong_FromLongLong(long value);

    [LibraryImport(Library)]
    public static partial long PyLong_AsLongLong(nint obj);

    [LibraryImport(Library)]
    public static partial nint PyBool_FromLong(int value);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint PyUnicode_FromString(string value);

    /// <summary>The UTF-8 buffer belongs to the string object and lives as long as it does.</summary>
    [LibraryImport(Library)]
    public static partial byte* PyUnicode_AsUTF8AndSize(nint obj, out nint size);

    [LibraryImport(Library)]
    public static partial nint PyMemoryView_FromMemory(void* memory, nint size, int flags);

    /// <summary>Borrowed reference.</summary>
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint PySys_GetObject(string name);

    [LibraryImport(Library)]
    public static partial nint PyErr_Occurred();

    [LibraryImport(Library)]
    public static partial void PyErr_Fetch(out nint type, out nint value, out nint traceback);

    [LibraryImport(Library)]
    public static partial void PyErr_NormalizeException(ref nint type, ref nint value, ref nint traceback);

    [LibraryImport(Library)]
    public static partial void PyErr_Clear();

    [LibraryImport(Library)]
    public static partial int PyException_SetTraceback(nint exception, nint traceback);
}
