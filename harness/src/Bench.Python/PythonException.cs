namespace Bench.Python;

/// <summary>A Python exception raised inside the embedded interpreter, carried over to .NET with its traceback.</summary>
public sealed class PythonException : Exception
{
    public PythonException()
    {
    }

    public PythonException(string message)
        : base(message)
    {
    }

    public PythonException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PythonException(string pythonType, string message, string pythonTraceback)
        : base($"{pythonType}: {message}")
    {
        PythonType = pythonType;
        PythonTraceback = pythonTraceback;
    }

    /// <summary>The exception's class name, such as <c>ValueError</c>.</summary>
    public string PythonType { get; } = "";

    /// <summary>The text Python itself would print (<c>traceback.format_exception</c>), frames and all.</summary>
    public string PythonTraceback { get; } = "";

    public override string ToString() =>
        PythonTraceback.Length == 0 ? base.ToString() : $"{base.ToString()}{Environment.NewLine}--- Python traceback ---{Environment.NewLine}{PythonTraceback}";
}
