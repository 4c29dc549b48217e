using Bench.Python.Native;

namespace Bench.Python;

/// <summary>An imported module. It lives as long as the interpreter, which is as long as the process.</summary>
public sealed class PythonModule
{
    private readonly nint _module;

    internal PythonModule(string name, PyRef module)
    {
        Name = name;
        _module = module.Handle;
    }

    public string Name { get; }

    /// <summary>
    /// Calls <c>function(*arguments)</c> (strings, whole numbers, doubles, bools, nulls) and returns <c>str()</c> of
    /// the result.
    /// </summary>
    /// <exception cref="PythonException">The call raised.</exception>
    public string Call(string function, params ReadOnlySpan<object?> arguments)
    {
        ArgumentException.ThrowIfNullOrEmpty(function);
        using var gil = PythonGil.Acquire();
        using var callable = PyRef.Own(CPython.PyObject_GetAttrString(_module, function));
        using var args = PyConvert.Tuple(arguments);
        using var result = PyRef.Own(CPython.PyObject_Call(callable.Handle, args.Handle, 0));
        return PythonErrors.TextOf(result.Handle);
    }

    /// <summary>A new reference to one of the module's attributes, for callers that keep it for the process's life.</summary>
    internal nint GetAttribute(string name)
    {
        using var gil = PythonGil.Acquire();
        return PyRef.Own(CPython.PyObject_GetAttrString(_module, name)).Handle;
    }
}
