namespace SalesCockpit.Infrastructure.Validation;

/// <summary>
/// A rule broken by input. <paramref name="MessageKey"/> names a string in the owning feature's
/// resources, so the component shows it in the user's language next to <paramref name="Field"/>.
/// </summary>
public sealed record FieldError(string Field, string MessageKey, params object[] Arguments);

/// <summary>Thrown by a feature service when input breaks its rules; nothing has been written.</summary>
public sealed class ValidationFailedException(IReadOnlyList<FieldError> errors)
    : Exception("Input is not valid: " + string.Join(", ", errors.Select(error => $"{error.Field}: {error.MessageKey}")))
{
    public IReadOnlyList<FieldError> Errors { get; } = errors;

    public static void ThrowIfAny(IReadOnlyList<FieldError> errors)
    {
        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }
    }

    public string? MessageKeyFor(string field) => Errors.FirstOrDefault(error => error.Field == field)?.MessageKey;
}

/// <summary>Thrown when someone else saved the same record first (its concurrency token changed).</summary>
public sealed class ConcurrentEditException() : Exception("The record was changed by someone else.");
