using SalesCockpit.Infrastructure.Validation;

namespace SalesCockpit.Features.Customers;

public sealed record ContactInput(string Name, string? Title, string? Phone, string? WeChatOrEmail, bool IsDecisionMaker);

public sealed record CustomerInput(
    string Name,
    string? Phone,
    string? Region,
    Industry Industry,
    SizeBand SizeBand,
    DevelopmentStage Stage,
    CustomerSource Source,
    int? ReferredById,
    CustomerLevel Level,
    string? Notes,
    IReadOnlyList<ContactInput> Contacts);

public sealed record FollowUpInput(DateTime OccurredAt, FollowUpKind Kind, string Content, string? Outcome, string? NextStep, DateOnly? NextFollowUpOn);

public sealed record OpportunityInput(string Title, decimal Amount, OpportunityStage Stage, DateOnly? ExpectedCloseOn);

/// <summary>Input rules of the customer side; each broken rule names a field and a CustomersText key.</summary>
public static class CustomerRules
{
    public const int NameMaxLength = 100;
    public const int PhoneMaxLength = 40;
    public const int ShortTextMaxLength = 60;
    public const int LongLineMaxLength = 500;
    public const int NotesMaxLength = 2000;
    public const int FollowUpContentMaxLength = 8000;
    public const string ReasonField = "Reason";
    public const int MaxContacts = 10;
    public const decimal MaxAmount = 10_000_000_000m;

    public static List<FieldError> Validate(CustomerInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        List<FieldError> errors = [];
        Required(errors, nameof(CustomerInput.Name), input.Name, NameMaxLength);
        if (!string.IsNullOrWhiteSpace(input.Name) && CustomerNames.Normalize(input.Name).Length == 0)
        {
            errors.Add(new FieldError(nameof(CustomerInput.Name), "Validation_NameMeaningless"));
        }

        if (!string.IsNullOrWhiteSpace(input.Phone) && (input.Phone.Length > PhoneMaxLength || CustomerNames.NormalizePhone(input.Phone) is null))
        {
            errors.Add(new FieldError(nameof(CustomerInput.Phone), "Validation_Phone"));
        }

        Optional(errors, nameof(CustomerInput.Region), input.Region, ShortTextMaxLength);
        Optional(errors, nameof(CustomerInput.Notes), input.Notes, NotesMaxLength);
        Defined(errors, nameof(CustomerInput.Industry), input.Industry);
        Defined(errors, nameof(CustomerInput.SizeBand), input.SizeBand);
        Defined(errors, nameof(CustomerInput.Stage), input.Stage);
        Defined(errors, nameof(CustomerInput.Source), input.Source);
        Defined(errors, nameof(CustomerInput.Level), input.Level);
        if (input.Source == CustomerSource.Referral && input.ReferredById is null)
        {
            errors.Add(new FieldError(nameof(CustomerInput.ReferredById), "Validation_ReferrerRequired"));
        }

        if (input.Contacts.Count > MaxContacts)
        {
            errors.Add(new FieldError("Contacts", "Validation_TooManyContacts", MaxContacts));
        }

        for (var i = 0; i < input.Contacts.Count; i++)
        {
            var contact = input.Contacts[i];
            Required(errors, $"Contacts[{i}].Name", contact.Name, ShortTextMaxLength);
            Optional(errors, $"Contacts[{i}].Title", contact.Title, ShortTextMaxLength);
            Optional(errors, $"Contacts[{i}].WeChatOrEmail", contact.WeChatOrEmail, ShortTextMaxLength);
            if (!string.IsNullOrWhiteSpace(contact.Phone) && (contact.Phone.Length > PhoneMaxLength || CustomerNames.NormalizePhone(contact.Phone) is null))
            {
                errors.Add(new FieldError($"Contacts[{i}].Phone", "Validation_Phone"));
            }
        }

        return errors;
    }

    public static List<FieldError> Validate(FollowUpInput input, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(input);
        List<FieldError> errors = [];
        Required(errors, nameof(FollowUpInput.Content), input.Content, FollowUpContentMaxLength);
        Optional(errors, nameof(FollowUpInput.Outcome), input.Outcome, LongLineMaxLength);
        Optional(errors, nameof(FollowUpInput.NextStep), input.NextStep, LongLineMaxLength);
        Defined(errors, nameof(FollowUpInput.Kind), input.Kind);
        // A few minutes of grace for clocks that disagree; follow-ups record what happened, not plans.
        if (input.OccurredAt > nowUtc.AddMinutes(10))
        {
            errors.Add(new FieldError(nameof(FollowUpInput.OccurredAt), "Validation_NotInFuture"));
        }

        if (input.NextFollowUpOn is { } next && DateOnly.FromDateTime(input.OccurredAt) > next.AddDays(1))
        {
            errors.Add(new FieldError(nameof(FollowUpInput.NextFollowUpOn), "Validation_NextBeforeOccurred"));
        }

        return errors;
    }

    /// <summary>The reason given for a release, a loss, a win or a handover.</summary>
    public static List<FieldError> ValidateReason(string? reason)
    {
        List<FieldError> errors = [];
        Optional(errors, ReasonField, reason, LongLineMaxLength);
        return errors;
    }

    public static List<FieldError> Validate(OpportunityInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        List<FieldError> errors = [];
        Required(errors, nameof(OpportunityInput.Title), input.Title, ShortTextMaxLength);
        if (input.Amount < 0 || input.Amount > MaxAmount || decimal.Round(input.Amount, 2) != input.Amount)
        {
            errors.Add(new FieldError(nameof(OpportunityInput.Amount), "Validation_Amount"));
        }

        Defined(errors, nameof(OpportunityInput.Stage), input.Stage);
        return errors;
    }

    private static void Required(List<FieldError> errors, string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new FieldError(field, "Validation_Required"));
        }
        else
        {
            Optional(errors, field, value, maxLength);
        }
    }

    private static void Optional(List<FieldError> errors, string field, string? value, int maxLength)
    {
        if (value is not null && value.Trim().Length > maxLength)
        {
            errors.Add(new FieldError(field, "Validation_TooLong", maxLength));
        }
    }

    private static void Defined<TEnum>(List<FieldError> errors, string field, TEnum value)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            errors.Add(new FieldError(field, "Validation_Required"));
        }
    }

    internal static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
