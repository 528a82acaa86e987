using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace GitOpsConsole.Sandbox.Registry;

/// <summary>Writes errors in the distribution format: <c>{"errors":[{"code","message","detail"}]}</c>.</summary>
internal static class RegistryErrors
{
    public static Task WriteAsync(HttpContext context, int status, string code, string message, object? detail = null)
    {
        context.Response.StatusCode = status;
        var body = JsonSerializer.SerializeToUtf8Bytes(new { errors = new[] { new { code, message, detail } } });
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : context.Response.Body.WriteAsync(body).AsTask();
    }
}
