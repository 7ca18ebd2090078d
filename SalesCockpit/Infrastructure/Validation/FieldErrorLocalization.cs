using Microsoft.Extensions.Localization;

namespace SalesCockpit.Infrastructure.Validation;

public static class FieldErrorLocalization
{
    /// <summary>The first error for <paramref name="field"/> in the user's language, or null when the field is fine.</summary>
    public static string? MessageFor(this ValidationFailedException invalid, string field, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(invalid);
        ArgumentNullException.ThrowIfNull(localizer);
        var error = invalid.Errors.FirstOrDefault(candidate => candidate.Field == field);
        return error is null ? null : localizer[error.MessageKey, error.Arguments].Value;
    }
}
