using Bench.Python.Tests.Support;

namespace Bench.Python.Tests;

[Collection(EmbeddedPythonCollection.Name)]
public sealed class PythonRuntimeTests
{
    private const string FailingModule = """
        def outer(text):
            return inner(text)

        def inner(text):
            raise ValueError("bad reading: " + text)
        """;

    [PythonFact]
    public void Initialisation_is_idempotent_and_keeps_interpreter_state()
    {
        var first = PythonRuntime.Initialize();
        var counter = first.LoadModule("bench_test_counter", "count = 0\ndef bump():\n    global count\n    count += 1\n    return count\n");
        counter.Call("bump");

        var second = PythonRuntime.Initialize(PythonRuntimeOptions.Default with { ProgramName = "/nonexistent/python" });

        Assert.Same(first, second);
        Assert.Equal("2", counter.Call("bump"));
        Assert.StartsWith("3.11", second.Version, StringComparison.Ordinal);
    }

    [PythonFact]
    public void A_python_exception_surfaces_with_its_type_message_and_traceback()
    {
        var module = EmbeddedPython.Runtime.LoadModule("bench_test_failing", FailingModule);

        var error = Assert.Throws<PythonException>(() => module.Call("outer", "17 kelvin"));

        Assert.Equal("ValueError", error.PythonType);
        Assert.Equal("ValueError: bad reading: 17 kelvin", error.Message);
        Assert.Contains("Traceback (most recent call last):", error.PythonTraceback, StringComparison.Ordinal);
        Assert.Contains("line 5, in inner", error.PythonTraceback, StringComparison.Ordinal);
        Assert.Contains("in outer", error.PythonTraceback, StringComparison.Ordinal);
        Assert.Contains(error.PythonTraceback, error.ToString(), StringComparison.Ordinal);
    }

    [PythonFact]
    public void The_interpreter_keeps_working_after_an_exception()
    {
        var module = EmbeddedPython.Runtime.LoadModule("bench_test_recovering", FailingModule + "\ndef echo(x):\n    return x\n");
        Assert.Throws<PythonException>(() => module.Call("outer", "x"));

        Assert.Equal("ok", module.Call("echo", "ok"));
    }

    [PythonFact]
    public void A_syntax_error_in_module_source_surfaces_as_a_python_exception()
    {
        var error = Assert.Throws<PythonException>(() => EmbeddedPython.Runtime.LoadModule("bench_test_broken", "def broken(:\n"));

        Assert.Equal("SyntaxError", error.PythonType);
    }

    [PythonFact]
    public void The_gil_can_be_taken_from_a_new_thread_and_nests()
    {
        var module = EmbeddedPython.Runtime.LoadModule("bench_test_threads", "import threading\ndef ident():\n    return threading.get_ident()\n");
        string? inner = null;
        var thread = new Thread(() =>
        {
            using var gil = EmbeddedPython.Runtime.AcquireGil();
            // Call takes the GIL again on the same thread: PyGILState_Ensure nests.
            inner = module.Call("ident");
        });
        thread.Start();
        Assert.True(thread.Join(TimeSpan.FromSeconds(30)));

        Assert.NotNull(inner);
        Assert.NotEqual(module.Call("ident"), inner);
    }

    [PythonFact]
    public void Arguments_cross_over_with_their_python_types()
    {
        var module = EmbeddedPython.Runtime.LoadModule("bench_test_types", "def kinds(*values):\n    return ','.join(type(v).__name__ for v in values)\n");

        Assert.Equal("str,int,int,float,bool,NoneType", module.Call("kinds", "a", 1, 2L, 0.5, true, null));
    }
}
