using System.Text.Json.Nodes;

namespace GitOpsConsole.Sandbox.Kubernetes.Apply;

/// <summary>Finds and removes the value a FieldsV1 path names inside an object.</summary>
internal static class FieldNavigator
{
    public static JsonNode? Find(JsonObject root, string path)
    {
        JsonNode? node = root;
        foreach (var element in path.Split(FieldSet.Separator))
        {
            node = Step(node, element, out _);
            if (node is null)
            {
                return null;
            }
        }
        return node;
    }

    public static bool Exists(JsonObject root, string path)
    {
        JsonNode? node = root;
        var elements = path.Split(FieldSet.Separator);
        for (var i = 0; i < elements.Length; i++)
        {
            if (i == elements.Length - 1)
            {
                return Contains(node, elements[i]);
            }
            node = Step(node, elements[i], out _);
        }
        return false;
    }

    public static void Remove(JsonObject root, string path)
    {
        var elements = path.Split(FieldSet.Separator);
        JsonNode? parent = root;
        for (var i = 0; i < elements.Length - 1 && parent is not null; i++)
        {
            parent = Step(parent, elements[i], out _);
        }
        switch (parent)
        {
            case JsonObject o when elements[^1].StartsWith("f:", StringComparison.Ordinal):
                o.Remove(elements[^1][2..]);
                break;
            case JsonArray a:
                Step(a, elements[^1], out var index);
                if (index >= 0)
                {
                    a.RemoveAt(index);
                }
                break;
        }
    }

    private static bool Contains(JsonNode? node, string element) => node switch
    {
        JsonObject o when element.StartsWith("f:", StringComparison.Ordinal) => o.ContainsKey(element[2..]),
        JsonArray a => Step(a, element, out var index) is not null || index >= 0,
        _ => false,
    };

    private static JsonNode? Step(JsonNode? node, string element, out int index)
    {
        index = -1;
        if (element.StartsWith("f:", StringComparison.Ordinal))
        {
            return node is JsonObject o ? o[element[2..]] : null;
        }
        if (node is not JsonArray array)
        {
            return null;
        }
        if (element.StartsWith("k:", StringComparison.Ordinal) && JsonNode.Parse(element[2..]) is JsonObject key)
        {
            for (var i = 0; i < array.Count; i++)
            {
                if (array[i] is JsonObject item && key.All(k => JsonNode.DeepEquals(item[k.Key], k.Value)))
                {
                    index = i;
                    return item;
                }
            }
        }
        else if (element.StartsWith("v:", StringComparison.Ordinal))
        {
            var value = JsonNode.Parse(element[2..]);
            for (var i = 0; i < array.Count; i++)
            {
                if (JsonNode.DeepEquals(array[i], value))
                {
                    index = i;
                    return array[i];
                }
            }
        }
        return null;
    }
}
