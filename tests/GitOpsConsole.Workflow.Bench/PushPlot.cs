using System.Globalization;
using System.Text;

namespace GitOpsConsole.Workflow.Bench;

/// <summary>An SVG bar chart of the samples: one stacked bar per push (build, commit, sync, rollout) and the p50 line.</summary>
internal static class PushPlot
{
    private static readonly (string Name, string Colour, Func<PushSample, double> Ms)[] Phases =
    [
        ("CI build", "#5c6bc0", s => s.BuildMs),
        ("values commit", "#26a69a", s => s.CommitMs),
        ("sync", "#ffa726", s => s.SyncMs),
        ("rollout to Healthy", "#66bb6a", s => s.HealthMs),
    ];

    public static string Svg(IReadOnlyList<PushSample> samples, double p50)
    {
        const double Width = 720, Height = 320, Left = 56, Bottom = 40, Top = 36, Right = 16;
        var max = Math.Max(1500, samples.Max(s => s.TotalMs)) * 1.1;
        var plotHeight = Height - Top - Bottom;
        var bar = (Width - Left - Right) / samples.Count;
        double Y(double ms) => Top + plotHeight - (ms / max * plotHeight);
        var svg = new StringBuilder();
        svg.Append(Inv($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" font-family=\"sans-serif\" font-size=\"11\">"));
        svg.Append(Inv($"<rect width=\"{Width}\" height=\"{Height}\" fill=\"white\"/>"));
        svg.Append(Inv($"<text x=\"{Left}\" y=\"20\" font-size=\"13\">Push → Healthy, workflow engine, sandbox (no-op CI, pods ready at once): p50 {p50:F0} ms</text>"));
        for (var ms = 0; ms <= max; ms += 500)
        {
            svg.Append(Inv($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Y(ms):F1}\" y2=\"{Y(ms):F1}\" stroke=\"#eee\"/><text x=\"{Left - 6}\" y=\"{Y(ms) + 4:F1}\" text-anchor=\"end\">{ms} ms</text>"));
        }

        for (var i = 0; i < samples.Count; i++)
        {
            var bottom = 0.0;
            foreach (var (_, colour, phase) in Phases)
            {
                var ms = Math.Max(0, phase(samples[i]));
                svg.Append(Inv($"<rect x=\"{Left + (i * bar) + 1:F1}\" y=\"{Y(bottom + ms):F1}\" width=\"{bar - 2:F1}\" height=\"{Y(bottom) - Y(bottom + ms):F1}\" fill=\"{colour}\"/>"));
                bottom += ms;
            }
        }

        svg.Append(Inv($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Y(p50):F1}\" y2=\"{Y(p50):F1}\" stroke=\"#c62828\" stroke-dasharray=\"4 3\"/><text x=\"{Left + 4}\" y=\"{Y(p50) - 4:F1}\" fill=\"#c62828\">p50</text>"));
        svg.Append(Inv($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Y(1500):F1}\" y2=\"{Y(1500):F1}\" stroke=\"#333\" stroke-dasharray=\"1 3\"/><text x=\"{Width - Right}\" y=\"{Y(1500) - 4:F1}\" text-anchor=\"end\">target p50 1500 ms</text>"));
        for (var p = 0; p < Phases.Length; p++)
        {
            var x = Left + (p * 150);
            svg.Append(Inv($"<rect x=\"{x}\" y=\"{Height - 18}\" width=\"10\" height=\"10\" fill=\"{Phases[p].Colour}\"/><text x=\"{x + 14}\" y=\"{Height - 9}\">{Phases[p].Name}</text>"));
        }

        svg.Append(Inv($"<text x=\"{Width - Right}\" y=\"{Height - 9}\" text-anchor=\"end\">push # →</text></svg>"));
        return svg.ToString();
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
