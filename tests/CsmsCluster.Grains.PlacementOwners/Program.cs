using System.Globalization;
using CsmsCluster.Grains;
using CsmsCluster.Grains.Cluster;

// Usage: --print-owners <silo-id,silo-id,...> <type/key> [<type/key> ...]
// Prints one line per grain id: "<type/key> <owner> <stable hash>".
if (args.Length < 2 || args[0] != "--print-owners")
{
    Console.Error.WriteLine("usage: --print-owners <silo-id,silo-id,...> <type/key> [<type/key> ...]");
    return 2;
}

var silos = args[1].Split(',', StringSplitOptions.RemoveEmptyEntries);
foreach (var text in args.Skip(2))
{
    var slash = text.IndexOf('/', StringComparison.Ordinal);
    var grain = new GrainId(text[..slash], text[(slash + 1)..]);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{grain} {RendezvousHashing.Owner(grain, silos)} {grain.StableHash}"));
}

return 0;
