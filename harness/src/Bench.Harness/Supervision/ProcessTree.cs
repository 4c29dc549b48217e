using System.Globalization;

namespace Bench.Harness.Supervision;

/// <summary>Reads the process tree from /proc: a backend's workers are its descendants.</summary>
internal static class ProcessTree
{
    /// <summary>The PIDs of every live descendant of <paramref name="rootPid"/> (not including it).</summary>
    public static IReadOnlyList<int> Descendants(int rootPid)
    {
        var children = new Dictionary<int, List<int>>();
        foreach (var (pid, ppid) in EnumerateParents())
        {
            if (!children.TryGetValue(ppid, out var list))
            {
                children[ppid] = list = [];
            }

            list.Add(pid);
        }

        var result = new List<int>();
        var pending = new Stack<int>();
        pending.Push(rootPid);
        while (pending.Count > 0)
        {
            if (!children.TryGetValue(pending.Pop(), out var kids))
            {
                continue;
            }

            foreach (var kid in kids)
            {
                result.Add(kid);
                pending.Push(kid);
            }
        }

        return result;
    }

    /// <summary>True while /proc has a non-zombie entry for the PID.</summary>
    public static bool IsAlive(int pid)
    {
        var stat = ReadStat(pid);
        return stat is not null && stat.Value.State != 'Z';
    }

    private static IEnumerable<(int Pid, int ParentPid)> EnumerateParents()
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            var stat = ReadStat(pid);
            if (stat is not null)
            {
                yield return (pid, stat.Value.ParentPid);
            }
        }
    }

    /// <summary>Parses /proc/PID/stat. The command name may contain spaces and parentheses, so fields are read after the last ')'.</summary>
    internal static (char State, int ParentPid)? ReadStat(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        var close = text.LastIndexOf(')');
        if (close < 0 || close + 4 >= text.Length)
        {
            return null;
        }

        var fields = text[(close + 2)..].Split(' ');
        return fields.Length > 1 && int.TryParse(fields[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var ppid)
            ? (fields[0][0], ppid)
            : null;
    }
}
