using System.Collections;
using GitOpsConsole.Helm.Templates;

namespace GitOpsConsole.Helm.Functions;

/// <summary>Sprig's list functions; lists are never mutated in place (Go slices would alias, ours would not).</summary>
internal static class ListFunctions
{
    public static void Register(FunctionRegistry r)
    {
        r.Variadic("list", 0, (_, a) => a.ToList());
        r.Fixed("first", 1, (_, a) => Args.List(a[0], "first") is { Count: > 0 } l ? l[0] : null);
        r.Fixed("last", 1, (_, a) => Args.List(a[0], "last") is { Count: > 0 } l ? l[^1] : null);
        r.Fixed("rest", 1, (_, a) => Args.List(a[0], "rest").Skip(1).ToList());
        r.Fixed("initial", 1, (_, a) => Args.List(a[0], "initial") is { Count: > 0 } l ? l.Take(l.Count - 1).ToList() : []);
        r.Fixed("append", 2, (_, a) => Append(Args.List(a[0], "append"), a[1]));
        r.Fixed("push", 2, (_, a) => Append(Args.List(a[0], "push"), a[1]));
        r.Fixed("prepend", 2, (_, a) => Prepend(Args.List(a[0], "prepend"), a[1]));
        r.Variadic("concat", 0, (_, a) => a.SelectMany(l => Args.List(l, "concat")).ToList());
        r.Fixed("uniq", 1, (_, a) => Uniq(Args.List(a[0], "uniq")));
        r.Fixed("has", 2, (_, a) => a[1] is not null && Args.List(a[1], "has").Any(v => DeepEquals(v, a[0])));
        r.Variadic("without", 1, (_, a) => Args.List(a[0], "without").Where(v => !a.Skip(1).Any(x => DeepEquals(v, x))).ToList());
        r.Fixed("compact", 1, (_, a) => Args.List(a[0], "compact").Where(v => !DefaultFunctions.IsEmpty(v)).ToList());
        r.Fixed("until", 1, (_, a) => UntilStep(0, Args.Int(a, 0), Args.Int(a, 0) >= 0 ? 1 : -1));
        r.Fixed("untilStep", 3, (_, a) => UntilStep(Args.Int(a, 0), Args.Int(a, 1), Args.Int(a, 2)));
        r.Variadic("seq", 0, (_, a) => Seq(a));
        r.Fixed("chunk", 2, (_, a) => Args.List(a[1], "chunk").Chunk(Math.Max(Args.Int(a, 0), 1)).Select(c => (object?)c.ToList()).ToList());

        // Sprig's must* variants return errors instead of panicking; ours always report errors.
        foreach (var name in new[] { "first", "last", "rest", "initial", "append", "push", "prepend", "uniq", "has", "without", "compact", "chunk" })
        {
            r.Alias("must" + char.ToUpperInvariant(name[0]) + name[1..], name);
        }
    }

    public static List<object?> Reverse(object? value)
    {
        var list = Args.List(value, "reverse").ToList();
        list.Reverse();
        return list;
    }

    private static List<object?> Append(List<object?> list, object? value) => [.. list, value];

    private static List<object?> Prepend(List<object?> list, object? value) => [value, .. list];

    private static List<object?> Uniq(List<object?> list)
    {
        var result = new List<object?>();
        foreach (var item in list.Where(item => !result.Any(r => DeepEquals(r, item))))
        {
            result.Add(item);
        }

        return result;
    }

    /// <summary>reflect.DeepEqual over our value model.</summary>
    public static bool DeepEquals(object? a, object? b)
    {
        switch (a)
        {
            case null:
                return b is null;
            case IDictionary<string, object?> ma when b is IDictionary<string, object?> mb:
                return ma.Count == mb.Count && ma.All(kv => mb.TryGetValue(kv.Key, out var v) && DeepEquals(kv.Value, v));
            case IList la when b is IList lb:
                if (la.Count != lb.Count)
                {
                    return false;
                }

                for (var i = 0; i < la.Count; i++)
                {
                    if (!DeepEquals(la[i], lb[i]))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return a.Equals(b);
        }
    }

    private static List<object?> UntilStep(int start, int stop, int step)
    {
        var result = new List<object?>();
        if (step == 0 || (step > 0 && start >= stop) || (step < 0 && start <= stop))
        {
            return result;
        }

        for (var i = start; step > 0 ? i < stop : i > stop; i += step)
        {
            result.Add(i);
        }

        return result;
    }

    /// <summary>seq follows the GNU command: seq LAST, seq FIRST LAST, seq FIRST INCREMENT LAST; it returns a string.</summary>
    private static string Seq(IReadOnlyList<object?> args)
    {
        var numbers = args.Select(Args.ToInt64).ToArray();
        var (start, step, end) = numbers.Length switch
        {
            0 => (0L, 0L, -1L),
            1 => (1L, 1L, numbers[0]),
            2 => (numbers[0], numbers[0] <= numbers[1] ? 1L : -1L, numbers[1]),
            _ => (numbers[0], numbers[1], numbers[2]),
        };
        if (step == 0 || (step > 0 && start > end) || (step < 0 && start < end))
        {
            return string.Empty;
        }

        var values = new List<long>();
        for (var i = start; step > 0 ? i <= end : i >= end; i += step)
        {
            values.Add(i);
        }

        return string.Join(' ', values);
    }

    public static bool IsList(object? value) => value is IList;
}
