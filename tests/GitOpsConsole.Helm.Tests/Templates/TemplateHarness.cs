using GitOpsConsole.Helm.Functions;
using GitOpsConsole.Helm.Templates;
using GitOpsConsole.Helm.Values;
using GitOpsConsole.Helm.Yaml;

namespace GitOpsConsole.Helm.Tests.Templates;

/// <summary>Parses and runs template text with Helm's function map, the way the engine runs a chart file.</summary>
internal static class TemplateHarness
{
    public static string Render(string text, object? data = null, params (string Name, string Text)[] others)
    {
        var set = new TemplateSet(HelmFunctionMap.Instance);
        foreach (var (name, body) in others)
        {
            set.Parse(name, body);
        }

        set.Parse("test.yaml", text);
        return new Executor(set, new ExecutionShared(RenderServices.Default), "test.yaml").Execute("test.yaml", data);
    }

    /// <summary>Data for templates from YAML, typed exactly as Helm types values files (numbers are float64).</summary>
    public static Dictionary<string, object?> Values(string yaml)
    {
        var root = ValueTree.NewMap();
        root["Values"] = YamlValueReader.ReadMap(yaml);
        return root;
    }
}
