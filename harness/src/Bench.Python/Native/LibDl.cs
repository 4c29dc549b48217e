using System.Runtime.InteropServices;

namespace Bench.Python.Native;

/// <summary>The dynamic loader, called directly because <see cref="NativeLibrary.Load(string)"/> cannot ask for RTLD_GLOBAL.</summary>
internal static partial class LibDl
{
    public const int Now = 0x002;
    public const int Global = 0x100;

    // glibc 2.34+ has dlopen in libc itself; "libc.so.6" is the runtime name (plain "libc.so" is a linker script).
    private const string LibC = "libc.so.6";

    [LibraryImport(LibC, EntryPoint = "dlopen", StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint Open(string fileName, int flags);

    [LibraryImport(LibC, EntryPoint = "dlerror")]
    public static partial nint LastError();

    public static string? LastErrorText() => Marshal.PtrToStringUTF8(LastError());
}
