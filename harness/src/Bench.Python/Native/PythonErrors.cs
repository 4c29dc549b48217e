namespace Bench.Python.Native;

/// <summary>Turns the error indicator of the current thread into a <see cref="PythonException"/>. Needs the GIL.</summary>
internal static class PythonErrors
{
    // traceback.format_exception, looked up once at start-up and kept for the life of the process.
    private static nint s_formatException;

    public static void Initialize()
    {
        using var traceback = PyRef.Own(CPython.PyImport_ImportModule("traceback"));
        s_formatException = PyRef.Own(CPython.PyObject_GetAttrString(traceback.Handle, "format_exception")).Handle;
    }

    /// <summary>Clears the error indicator and returns it as an exception (a plain one when none was set).</summary>
    public static Exception TakeCurrent()
    {
        if (CPython.PyErr_Occurred() == 0)
            return new PythonException("A Python C API call failed without setting an exception.");
        CPython.PyErr_Fetch(out var type, out var value, out var traceback);
        CPython.PyErr_NormalizeException(ref type, ref value, ref traceback);
        try
        {
            if (traceback != 0)
                CPython.PyException_SetTraceback(value, traceback);
            return new PythonException(TypeName(type), TextOf(value), Format(value));
        }
        finally
        {
            CPython.Py_DecRef(traceback);
            CPython.Py_DecRef(value);
            CPython.Py_DecRef(type);
        }
    }

    /// <summary><c>str(obj)</c>; an object whose <c>__str__</c> fails reads as its failure, never throws.</summary>
    public static string TextOf(nint obj)
    {
        if (obj == 0)
            return "";
        var text = CPython.PyObject_Str(obj);
        if (text == 0)
        {
            CPython.PyErr_Clear();
            return "<str() failed>";
        }
        using var owned = PyRef.Own(text);
        return PyConvert.ToText(owned.Handle);
    }

    private static string TypeName(nint type)
    {
        var name = CPython.PyObject_GetAttrString(type, "__name__");
        if (name == 0)
        {
            CPython.PyErr_Clear();
            return "Exception";
        }
        using var owned = PyRef.Own(name);
        return PyConvert.ToText(owned.Handle);
    }

    // Formatting may itself fail (a broken __str__); the exception is still reported, without frames.
    private static string Format(nint value)
    {
        using var args = PyRef.Own(CPython.PyTuple_New(1));
        CPython.Py_IncRef(value);
        CPython.PyTuple_SetItem(args.Handle, 0, value);
        var lines = CPython.PyObject_Call(s_formatException, args.Handle, 0);
        if (lines == 0)
        {
            CPython.PyErr_Clear();
            return "";
        }
        using var owned = PyRef.Own(lines);
        var text = new System.Text.StringBuilder();
        var count = CPython.PyList_Size(owned.Handle);
        for (nint i = 0; i < count; i++)
            text.Append(PyConvert.ToText(CPython.PyList_GetItem(owned.Handle, i)));
        return text.ToString();
    }
}
