using CsmsCluster.Ocpp.Generator.Naming;
using CsmsCluster.Ocpp.Generator.Schema;

namespace CsmsCluster.Ocpp.Generator.Model;

/// <summary>
/// Turns the schema files of one version into a <see cref="VersionModel"/>: names every type, resolves
/// <c>$ref</c> to <c>definitions</c> within each file, and merges types that occur in several files. A name used for
/// two different shapes is an error rather than a silent rename, so a schema change can never re-point a type.
/// </summary>
internal sealed class ModelBuilder(string prefix, TypeNamer namer)
{
    private readonly SortedDictionary<string, (GeneratedObject Type, string Signature)> _objects = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, (GeneratedEnum Type, string Signature)> _enums = new(StringComparer.Ordinal);
    private readonly List<MessageModel> _messages = [];

    /// <summary>Builds the model from <paramref name="files"/>, each with its action and whether it is the request.</summary>
    public VersionModel Build(IEnumerable<(string Path, string Action, bool IsRequest)> files)
    {
        foreach (var (path, action, isRequest) in files.OrderBy(f => f.Action, StringComparer.Ordinal).ThenByDescending(f => f.IsRequest))
        {
            var schema = SchemaReader.ReadFile(path);
            var typeName = action + (isRequest ? "Request" : "Response");
            if (schema.Type != "object")
            {
                throw new InvalidDataException($"{path}: the payload schema must be an object.");
            }

            var root = Object(typeName, schema, new FileScope(path, schema.Definitions));
            _messages.Add(new MessageModel(action, isRequest, root));
        }

        return new VersionModel(
            prefix,
            _messages,
            [.. _objects.Values.Select(o => o.Type)],
            [.. _enums.Values.Select(e => e.Type)]);
    }

    private GeneratedObject Object(string name, SchemaNode node, FileScope scope)
    {
        if (_objects.TryGetValue(name, out var existing))
        {
            return existing.Signature == node.Signature
                ? existing.Type
                : throw new InvalidDataException($"{scope.Path}: type '{name}' already exists with a different shape.");
        }

        var type = new GeneratedObject(name, node.Description, node.AdditionalProperties);
        _objects.Add(name, (type, node.Signature));
        foreach (var (jsonName, child) in node.Properties)
        {
            var clrName = Identifiers.Pascal(jsonName);

            // C# forbids a member named like its enclosing type.
            if (clrName == name)
            {
                clrName += "Value";
            }

            var property = new GeneratedProperty(
                jsonName, clrName, child.Description, node.Required.Contains(jsonName), Shape(child, name, jsonName, scope));
            type.Properties.Add(property);
        }

        foreach (var required in node.Required)
        {
            type.Required.Add(type.Properties.SingleOrDefault(p => p.JsonName == required)
                ?? throw new InvalidDataException($"{scope.Path}: '{name}' requires undeclared property '{required}'."));
        }

        if (type.Required.Count > 64)
        {
            throw new InvalidDataException($"{scope.Path}: '{name}' has more than 64 required properties.");
        }

        return type;
    }

    private ValueShape Shape(SchemaNode node, string owner, string property, FileScope scope)
    {
        if (node.Ref is { } reference)
        {
            const string Prefix = "#/definitions/";
            if (!reference.StartsWith(Prefix, StringComparison.Ordinal)
                || !scope.Definitions.TryGetValue(reference[Prefix.Length..], out var target))
            {
                throw new InvalidDataException($"{scope.Path}: cannot resolve $ref '{reference}'.");
            }

            var definitionName = reference[Prefix.Length..];
            return target switch
            {
                { Enum: not null } => new EnumShape(Enum(definitionName, target, scope)),
                { Type: "object" } => new ObjectShape(Object(definitionName, target, scope)),
                _ => Shape(target, owner, property, scope),
            };
        }

        if (node.Enum is not null)
        {
            return node.Type == "string"
                ? new EnumShape(Enum(namer.EnumName(owner, property), node, scope))
                : throw new InvalidDataException($"{scope.Path}: enum of type '{node.Type}' at {owner}.{property}.");
        }

        return node.Type switch
        {
            "object" => new ObjectShape(Object(namer.ObjectName(property), node, scope)),
            "array" => new ArrayShape(
                Shape(node.Items ?? throw new InvalidDataException($"{scope.Path}: array without items at {owner}.{property}."), owner, property, scope),
                node.MinItems,
                node.MaxItems),
            "string" => new PrimitiveShape(PrimitiveKind.String, node.MaxLength, Format: node.Format),
            "integer" => new PrimitiveShape(PrimitiveKind.Integer, Minimum: node.Minimum, Maximum: node.Maximum),
            "number" => new PrimitiveShape(PrimitiveKind.Number, Minimum: node.Minimum, Maximum: node.Maximum, MultipleOf: node.MultipleOf),
            "boolean" => new PrimitiveShape(PrimitiveKind.Boolean),
            null => new PrimitiveShape(PrimitiveKind.Any),
            _ => throw new InvalidDataException($"{scope.Path}: unsupported type '{node.Type}' at {owner}.{property}."),
        };
    }

    private GeneratedEnum Enum(string name, SchemaNode node, FileScope scope)
    {
        if (_enums.TryGetValue(name, out var existing))
        {
            return existing.Signature == node.Signature
                ? existing.Type
                : throw new InvalidDataException($"{scope.Path}: enum '{name}' already exists with different values.");
        }

        var members = node.Enum!.Select(v => new EnumMember(v, Identifiers.EnumMember(v))).ToList();
        var duplicate = members.GroupBy(m => m.MemberName).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidDataException($"{scope.Path}: enum '{name}' has values that map to the same member '{duplicate.Key}'.");
        }

        var type = new GeneratedEnum(name, node.Description, members);
        _enums.Add(name, (type, node.Signature));
        return type;
    }

    private sealed record FileScope(string Path, IReadOnlyDictionary<string, SchemaNode> Definitions);
}
