using SalesCockpit.Infrastructure.Validation;

namespace SalesCockpit.Features.Teams;

public static class TeamRules
{
    public const int NameMaxLength = 60;
    public const int PersonNameMaxLength = 60;

    /// <summary>Identity's column length for e-mail and user name (the e-mail is the user name).</summary>
    public const int EmailMaxLength = 256;
    public const string DefaultTimeZoneId = "Asia/Shanghai";

    public static List<FieldError> ValidateTeam(string? name, string? timeZoneId, string? currencyCode)
    {
        List<FieldError> errors = [];
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add(new FieldError(nameof(Team.Name), "Validation_Required"));
        }
        else if (name.Trim().Length > NameMaxLength)
        {
            errors.Add(new FieldError(nameof(Team.Name), "Validation_TooLong", NameMaxLength));
        }

        if (!TeamCalendar.IsKnownZone(timeZoneId))
        {
            errors.Add(new FieldError(nameof(Team.TimeZoneId), "Validation_UnknownTimeZone"));
        }

        if (!TeamMoney.IsKnown(currencyCode))
        {
            errors.Add(new FieldError(nameof(Team.CurrencyCode), "Validation_UnknownCurrency"));
        }

        return errors;
    }
}
