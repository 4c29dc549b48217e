using System.Text;

namespace Bench.Python.Native;

/// <summary>Conversions between .NET values and Python objects. Needs the GIL.</summary>
internal static unsafe class PyConvert
{
    /// <summary>A new reference for a string, whole number, double, bool or null (None).</summary>
    public static nint FromValue(object? value) => value switch
    {
        null => NewNone(),
        string text => CPython.PyUnicode_FromString(text),
        bool flag => CPython.PyBool_FromLong(flag ? 1 : 0),
        int number => CPython.PyLong_FromLongLong(number),
        long number => CPython.PyLong_FromLongLong(number),
        double number => CPython.PyFloat_FromDouble(number),
        _ => throw new ArgumentException($"{value.GetType().Name} has no Python counterpart here", nameof(value)),
    };

    /// <summary>A new tuple holding <paramref name="values"/>.</summary>
    public static PyRef Tuple(ReadOnlySpan<object?> values)
    {
        var tuple = PyRef.Own(CPython.PyTuple_New(values.Length));
        try
        {
            // PyTuple_SetItem steals the new reference of each item.
            for (var i = 0; i < values.Length; i++)
                CPython.PyTuple_SetItem(tuple.Handle, i, PyRef.Own(FromValue(values[i])).Handle);
            return tuple;
        }
        catch
        {
            tuple.Dispose();
            throw;
        }
    }

    /// <summary>The text of a <c>str</c> object.</summary>
    public static string ToText(nint unicode)
    {
        var utf8 = CPython.PyUnicode_AsUTF8AndSize(unicode, out var size);
        if (utf8 == null)
            throw PythonErrors.TakeCurrent();
        return Encoding.UTF8.GetString(utf8, checked((int)size));
    }

    /// <summary>A Python float (or anything with <c>__float__</c>) as a double.</summary>
    public static double ToDouble(nint obj)
    {
        var value = CPython.PyFloat_AsDouble(obj);
        if (value == -1.0 && CPython.PyErr_Occurred() != 0)
            throw PythonErrors.TakeCurrent();
        return value;
    }

    /// <summary>A Python int as a long.</summary>
    public static long ToInt64(nint obj)
    {
        var value = CPython.PyLong_AsLongLong(obj);
        if (value == -1 && CPython.PyErr_Occurred() != 0)
            throw PythonErrors.TakeCurrent();
        return value;
    }

    private static nint NewNone()
    {
        // Py_None is the address of the exported _Py_NoneStruct; a new reference to it is an incref.
        var none = PythonLibrary.GetExport("_Py_NoneStruct");
        CPython.Py_IncRef(none);
        return none;
    }
}
