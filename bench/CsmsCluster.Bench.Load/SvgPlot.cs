using System.Globalization;
using System.Text;

namespace CsmsCluster.Bench.Load;

/// <summary>A line series of a <see cref="SvgPlot"/> panel.</summary>
public sealed record PlotSeries(string Name, string Colour, IReadOnlyList<(double X, double Y)> Points);

/// <summary>One chart: linear axes from 0, a legend, the series.</summary>
public sealed record PlotPanel(string Title, string XLabel, string YLabel, IReadOnlyList<PlotSeries> Series);

/// <summary>Writes panels side by side as one self-contained SVG file (no script, no external resources).</summary>
public static class SvgPlot
{
    private const double Width = 460;
    private const double Height = 320;
    private const double Left = 64;
    private const double Right = 16;
    private const double Top = 40;
    private const double Bottom = 48;

    public static string Render(IReadOnlyList<PlotPanel> panels)
    {
        ArgumentNullException.ThrowIfNull(panels);
        var s = new StringBuilder();
        void Add(FormattableString text) => s.AppendLine(text.ToString(CultureInfo.InvariantCulture));
        Add($"""<svg xmlns="http://www.w3.org/2000/svg" width="{Width * panels.Count:0}" height="{Height:0}" font-family="sans-serif" font-size="12">""");
        Add($"""<rect width="100%" height="100%" fill="white"/>""");
        for (var i = 0; i < panels.Count; i++)
        {
            Panel(s, panels[i], i * Width);
        }

        Add($"</svg>");
        return s.ToString();
    }

    private static void Panel(StringBuilder s, PlotPanel panel, double offset)
    {
        void Add(FormattableString text) => s.AppendLine(text.ToString(CultureInfo.InvariantCulture));
        var points = panel.Series.SelectMany(x => x.Points).Where(p => double.IsFinite(p.Y)).ToList();
        var xMax = Nice(points.Count == 0 ? 1 : points.Max(p => p.X));
        var yMax = Nice(points.Count == 0 ? 1 : points.Max(p => p.Y));
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        double X(double x) => offset + Left + (x / xMax * plotWidth);
        double Y(double y) => Top + plotHeight - (y / yMax * plotHeight);
        Add($"""<text x="{offset + (Width / 2):0.#}" y="20" text-anchor="middle" font-weight="bold">{Escape(panel.Title)}</text>""");
        for (var t = 0; t <= 5; t++)
        {
            var yv = yMax * t / 5;
            var xv = xMax * t / 5;
            Add($"""<line x1="{X(0):0.#}" x2="{X(xMax):0.#}" y1="{Y(yv):0.#}" y2="{Y(yv):0.#}" stroke="#ddd"/>""");
            Add($"""<text x="{X(0) - 6:0.#}" y="{Y(yv) + 4:0.#}" text-anchor="end">{yv:0.##}</text>""");
            Add($"""<text x="{X(xv):0.#}" y="{Y(0) + 16:0.#}" text-anchor="middle">{xv:0.##}</text>""");
        }

        Add($"""<line x1="{X(0):0.#}" x2="{X(xMax):0.#}" y1="{Y(0):0.#}" y2="{Y(0):0.#}" stroke="black"/>""");
        Add($"""<line x1="{X(0):0.#}" x2="{X(0):0.#}" y1="{Y(0):0.#}" y2="{Y(yMax):0.#}" stroke="black"/>""");
        Add($"""<text x="{offset + Left + (plotWidth / 2):0.#}" y="{Height - 10:0.#}" text-anchor="middle">{Escape(panel.XLabel)}</text>""");
        Add($"""<text transform="translate({offset + 16:0.#},{Top + (plotHeight / 2):0.#}) rotate(-90)" text-anchor="middle">{Escape(panel.YLabel)}</text>""");
        for (var i = 0; i < panel.Series.Count; i++)
        {
            var series = panel.Series[i];
            var finite = series.Points.Where(p => double.IsFinite(p.Y)).ToList();
            var path = string.Join(' ', finite.Select(p => string.Create(CultureInfo.InvariantCulture, $"{X(p.X):0.#},{Y(p.Y):0.#}")));
            Add($"""<polyline points="{path}" fill="none" stroke="{series.Colour}" stroke-width="2"/>""");
            foreach (var p in finite)
            {
                Add($"""<circle cx="{X(p.X):0.#}" cy="{Y(p.Y):0.#}" r="3" fill="{series.Colour}"/>""");
            }

            var legendY = Top + 8 + (i * 16);
            Add($"""<line x1="{X(0) + 10:0.#}" x2="{X(0) + 30:0.#}" y1="{legendY:0.#}" y2="{legendY:0.#}" stroke="{series.Colour}" stroke-width="2"/>""");
            Add($"""<text x="{X(0) + 36:0.#}" y="{legendY + 4:0.#}">{Escape(series.Name)}</text>""");
        }
    }

    /// <summary>The smallest 1, 2 or 5 times a power of ten at or above <paramref name="value"/>.</summary>
    public static double Nice(double value)
    {
        if (value <= 0 || !double.IsFinite(value))
        {
            return 1;
        }

        var power = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var step in new[] { 1.0, 2, 5, 10 })
        {
            if (step * power >= value)
            {
                return step * power;
            }
        }

        return 10 * power;
    }

    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
