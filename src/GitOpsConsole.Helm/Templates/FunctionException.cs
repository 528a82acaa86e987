namespace GitOpsConsole.Helm.Templates;

/// <summary>Raised by a template function; the executor prefixes it with <c>error calling NAME:</c> like Go.</summary>
internal class FunctionException(string message) : Exception(message)
{
    /// <summary>Go reports argument type mismatches without the "error calling" prefix.</summary>
    public bool IsTypeError { get; init; }

    /// <summary>Message of a deliberate chart failure (fail, required), surfaced by Helm as "execution error at".</summary>
    public string? UserMessage { get; init; }

    public static FunctionException WrongType(string expected, object? got) =>
        new(got is null ? $"invalid value; expected {expected}" : $"wrong type for value; expected {expected}; got {GoValues.TypeName(got)}")
        {
            IsTypeError = true,
        };
}
