namespace Bench.Python.Native;

/// <summary>
/// One owned ("new") reference to a Python object, dropped on <see cref="Dispose"/>. Use only while holding the GIL.
/// </summary>
internal readonly struct PyRef : IDisposable
{
    private PyRef(nint handle) => Handle = handle;

    public nint Handle { get; }

    /// <summary>Takes ownership of a new reference returned by the C API; a null one means a Python error is set.</summary>
    public static PyRef Own(nint handle) => handle != 0 ? new PyRef(handle) : throw PythonErrors.TakeCurrent();

    /// <summary>Takes a new reference to a borrowed object.</summary>
    public static PyRef Borrow(nint handle)
    {
        if (handle == 0)
            throw PythonErrors.TakeCurrent();
        CPython.Py_IncRef(handle);
        return new PyRef(handle);
    }

    /// <summary>Hands the reference over to a function that steals it (<c>PyTuple_SetItem</c>).</summary>
    public nint Steal()
    {
        CPython.Py_IncRef(Handle);
        return Handle;
    }

    public void Dispose()
    {
        if (Handle != 0)
            CPython.Py_DecRef(Handle);
    }
}
