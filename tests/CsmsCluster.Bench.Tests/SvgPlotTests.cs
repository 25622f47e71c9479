using System.Globalization;
using System.Xml.Linq;
using CsmsCluster.Bench.Load;

namespace CsmsCluster.Bench.Tests;

/// <summary>The load benchmark's SVG chart: well-formed SVG, one line and marker set per series, labels, and axes from 0 to a round maximum.</summary>
public sealed class SvgPlotTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static readonly PlotPanel Memory = new("Memory", "connected chargers", "RSS (MiB)",
    [
        new PlotSeries("connected, idle", "#1f77b4", [(100, 40), (500, 60), (730, 75)]),
        new PlotSeries("after load", "#ff7f0e", [(100, 45), (730, 90)]),
    ]);

    private static readonly PlotPanel Latency = new("Latency", "connected chargers", "ms",
    [
        new PlotSeries("p99", "#d62728", [(100, 1.5), (500, double.NaN), (730, 3.7), (900, double.PositiveInfinity)]),
    ]);

    [Fact]
    public void Render_Panels_IsSvgXml()
    {
        var document = XDocument.Parse(SvgPlot.Render([Memory, Latency]));

        Assert.Equal(Svg + "svg", document.Root!.Name);
        Assert.All(document.Root.Descendants(), e => Assert.Equal(Svg, e.Name.Namespace));
    }

    [Fact]
    public void Render_PanelsSideBySide_WidthGrowsWithThePanels()
    {
        var one = XDocument.Parse(SvgPlot.Render([Memory])).Root!;
        var two = XDocument.Parse(SvgPlot.Render([Memory, Latency])).Root!;

        Assert.Equal(2 * Number(one, "width"), Number(two, "width"));
        Assert.Equal(Number(one, "height"), Number(two, "height"));
        Assert.True(Number(one, "width") > 0);
    }

    [Fact]
    public void Render_Series_OneLineEachWithOnePointPerFiniteValue()
    {
        var root = XDocument.Parse(SvgPlot.Render([Memory, Latency])).Root!;

        var lines = root.Elements(Svg + "polyline").ToList();
        Assert.Equal(["#1f77b4", "#ff7f0e", "#d62728"], lines.Select(l => (string)l.Attribute("stroke")!));
        Assert.Equal([3, 2, 2], lines.Select(l => ((string)l.Attribute("points")!).Split(' ', StringSplitOptions.RemoveEmptyEntries).Length));
        Assert.Equal(3 + 2 + 2, root.Elements(Svg + "circle").Count());
        Assert.Equal(2, root.Elements(Svg + "circle").Count(c => (string)c.Attribute("fill")! == "#d62728"));
    }

    [Fact]
    public void Render_Labels_AreAllWrittenAndEscaped()
    {
        var panel = new PlotPanel("p50 & p99 <server>", "chargers > 0", "ms & more",
            [new PlotSeries("client <p99>", "#000000", [(1, 1)])]);

        var texts = Texts(XDocument.Parse(SvgPlot.Render([panel])).Root!);

        Assert.Contains("p50 & p99 <server>", texts);
        Assert.Contains("chargers > 0", texts);
        Assert.Contains("ms & more", texts);
        Assert.Contains("client <p99>", texts);
    }

    [Fact]
    public void Render_Legend_NamesEverySeriesOfEveryPanel()
    {
        var texts = Texts(XDocument.Parse(SvgPlot.Render([Memory, Latency])).Root!);

        Assert.Contains("connected, idle", texts);
        Assert.Contains("after load", texts);
        Assert.Contains("p99", texts);
        Assert.Equal(2, texts.Count(t => t == "connected chargers"));
        Assert.Contains("RSS (MiB)", texts);
        Assert.Contains("Memory", texts);
        Assert.Contains("Latency", texts);
    }

    [Fact]
    public void Render_Axes_RunFromZeroToTheNiceMaximum()
    {
        // x up to 730 and y up to 90 round up to axes ending at 1000 and 100.
        var texts = Texts(XDocument.Parse(SvgPlot.Render([Memory])).Root!);

        Assert.Contains("0", texts);
        Assert.Contains("1000", texts);
        Assert.Contains("100", texts);
        Assert.DoesNotContain(texts, t => double.TryParse(t, CultureInfo.InvariantCulture, out var v) && v > 1000);
    }

    [Fact]
    public void Render_Point_SitsInProportionOnTheAxes()
    {
        // Axes end at Nice(1000) = 1000 and Nice(10) = 10: (500, 5) is half way along both, (1000, 10) the far corner.
        var panel = new PlotPanel("t", "x", "y", [new PlotSeries("s", "#000000", [(0, 0), (500, 5), (1000, 10)])]);
        var root = XDocument.Parse(SvgPlot.Render([panel])).Root!;
        var axes = root.Elements(Svg + "line").Where(l => (string)l.Attribute("stroke")! == "black").ToList();
        var xAxis = Assert.Single(axes, l => Number(l, "y1") == Number(l, "y2"));
        var yAxis = Assert.Single(axes, l => Number(l, "x1") == Number(l, "x2"));
        var (left, right, bottom, top) = (Number(xAxis, "x1"), Number(xAxis, "x2"), Number(yAxis, "y1"), Number(yAxis, "y2"));
        var circles = root.Elements(Svg + "circle").Select(c => (X: Number(c, "cx"), Y: Number(c, "cy"))).ToList();

        Assert.True(right > left && bottom > top);
        Assert.Equal(3, circles.Count);
        Assert.Equal((left, bottom), circles[0]);
        Assert.Equal((left + right) / 2, circles[1].X, 0.1);
        Assert.Equal((top + bottom) / 2, circles[1].Y, 0.1);
        Assert.Equal((right, top), circles[2]);
    }

    [Fact]
    public void Render_PanelWithoutFiniteValues_IsStillSvg()
    {
        var empty = new PlotPanel("nothing yet", "x", "y", [new PlotSeries("none", "#000000", [(1, double.NaN)])]);
        var noSeries = new PlotPanel("no series", "x", "y", []);

        var root = XDocument.Parse(SvgPlot.Render([empty, noSeries])).Root!;

        Assert.Empty(root.Elements(Svg + "circle"));
        Assert.Single(root.Elements(Svg + "polyline"));
        Assert.Contains("no series", Texts(root));
    }

    [Theory]
    [InlineData(0.03, 0.05)]
    [InlineData(0.7, 1)]
    [InlineData(1, 1)]
    [InlineData(1.01, 2)]
    [InlineData(2, 2)]
    [InlineData(2.1, 5)]
    [InlineData(5, 5)]
    [InlineData(5.5, 10)]
    [InlineData(10, 10)]
    [InlineData(73, 100)]
    [InlineData(120, 200)]
    [InlineData(999, 1000)]
    [InlineData(1000, 1000)]
    [InlineData(1001, 2000)]
    [InlineData(4.2e6, 5e6)]
    public void Nice_PositiveValue_IsTheSmallest1Or2Or5TimesAPowerOfTenAtOrAboveIt(double value, double nice)
    {
        var result = SvgPlot.Nice(value);

        Assert.Equal(nice, result, nice * 1e-12);
        Assert.True(result >= value);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Nice_NoPositiveFiniteValue_IsOne(double value)
    {
        // An axis from 0 needs some length even when nothing is plotted.
        Assert.Equal(1, SvgPlot.Nice(value));
    }

    private static List<string> Texts(XElement root) => [.. root.Elements(Svg + "text").Select(t => t.Value)];

    private static double Number(XElement element, string attribute) =>
        double.Parse((string)element.Attribute(attribute)!, CultureInfo.InvariantCulture);
}
