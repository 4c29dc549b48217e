namespace Bench.Python;

/// <summary>The embedded interpreter cannot run here: libpython or a module it needs (NumPy) is missing.</summary>
public sealed class PythonUnavailableException : Exception
{
    public PythonUnavailableException()
    {
    }

    public PythonUnavailableException(string message)
        : base(message)
    {
    }

    public PythonUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
