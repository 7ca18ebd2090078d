using SalesCockpit.Infrastructure.Validation;

namespace SalesCockpit.Features.Coaching;

public sealed record SkillInput(string NameEn, string NameZh);

public static class SkillRules
{
    public const int NameMaxLength = 40;
    public const int MaxActiveSkills = 12;

    /// <summary>The six skills every team starts with, in both languages.</summary>
    public static IReadOnlyList<SkillInput> Defaults { get; } =
    [
        new("Opening", "开场"),
        new("Needs discovery", "需求挖掘"),
        new("Presenting value", "价值呈现"),
        new("Objection handling", "异议处理"),
        new("Closing", "促成签约"),
        new("Relationship", "客户关系"),
    ];

    public static List<FieldError> Validate(SkillInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        List<FieldError> errors = [];
        Name(errors, nameof(SkillInput.NameEn), input.NameEn);
        Name(errors, nameof(SkillInput.NameZh), input.NameZh);
        return errors;
    }

    private static void Name(List<FieldError> errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new FieldError(field, "Validation_Required"));
        }
        else if (value.Trim().Length > NameMaxLength)
        {
            errors.Add(new FieldError(field, "Validation_TooLong", NameMaxLength));
        }
    }
}
