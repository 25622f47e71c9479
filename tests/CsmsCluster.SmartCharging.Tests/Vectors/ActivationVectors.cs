using System.Globalization;
using System.Text.Json;
using static CsmsCluster.SmartCharging.Tests.Vectors.VectorSite;

namespace CsmsCluster.SmartCharging.Tests.Vectors;

/// <summary>TV9: activation groups decide eligibility; a connector without a group is unrestricted.</summary>
internal static class ActivationVectors
{
    private static readonly string[] Days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

    public static void Tv9(JsonElement vector)
    {
        var groups = vector.GetProperty("groups").EnumerateObject()
            .ToDictionary(g => g.Name, g => new ActivationGroup(g.Name, Windows(g.Value.GetString()!)));
        var membership = vector.GetProperty("membership").EnumerateObject()
            .ToDictionary(m => m.Name, m => m.Value.EnumerateArray().Select(g => groups[g.GetString()!]).ToList());
        var monday = new DateTimeOffset(2025, 1, 13, 0, 0, 0, TimeSpan.Zero);
        foreach (var moment in vector.GetProperty("expect").EnumerateObject())
        {
            var now = monday.AddDays(((Array.IndexOf(Days, moment.Name[..3]) + 6) % 7)) + TimeSpan.Parse(moment.Name[3..], CultureInfo.InvariantCulture);
            var ids = VectorFile.Keys(moment.Value);
            var connectors = Arrivals(ids)
                .Select(c => c with { AllowedByActivation = ActivationSchedule.IsActive(now, membership[c.Id], TimeZoneInfo.Utc) })
                .ToList();

            var allocation = SiteAllocator.Allocate(now, Site(vector.GetProperty("site").GetDouble(), connectors));

            Assert.Equal($"{moment.Name}: {VectorFile.Format(moment.Value)}", $"{moment.Name}: {Format(allocation, ids)}");
        }
    }

    /// <summary>"Mon-Fri 22:00-06:00": one window per day opening at 22:00; an end at or before the start is the next day.</summary>
    public static List<WeeklyWindow> Windows(string text)
    {
        var (days, times) = (text.Split(' ')[0].Split('-'), text.Split(' ')[1].Split('-'));
        var (first, last) = (Array.IndexOf(Days, days[0]), Array.IndexOf(Days, days[^1]));
        var start = TimeSpan.Parse(times[0], CultureInfo.InvariantCulture);
        var end = times[1] == "24:00" ? TimeSpan.FromHours(24) : TimeSpan.Parse(times[1], CultureInfo.InvariantCulture);
        var duration = end > start ? end - start : end + TimeSpan.FromHours(24) - start;
        var windows = new List<WeeklyWindow>();
        for (var day = first; ; day = (day + 1) % 7)
        {
            windows.Add(new WeeklyWindow((DayOfWeek)day, start, duration));
            if (day == last)
            {
                return windows;
            }
        }
    }
}
