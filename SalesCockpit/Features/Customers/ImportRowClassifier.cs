using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Spreadsheets;

namespace SalesCockpit.Features.Customers;

/// <summary>Decides each row in file order, remembering the names and phones seen earlier in the file.</summary>
internal sealed class ImportRowClassifier(Viewer viewer, CustomerImport.Existing existing, IReadOnlyDictionary<string, string> ownerNames)
{
    private static readonly ImportVocabulary.EnumWords<Industry> Industries = new("Industry_");
    private static readonly ImportVocabulary.EnumWords<SizeBand> Sizes = new("Size_");
    private static readonly ImportVocabulary.EnumWords<DevelopmentStage> Stages = new("DevStage_");
    private static readonly ImportVocabulary.EnumWords<CustomerSource> Sources = new("Source_");
    private static readonly ImportVocabulary.EnumWords<CustomerLevel> Levels = new("Level_");

    private readonly Dictionary<string, int> seenNames = [];
    private readonly Dictionary<string, int> seenPhones = [];

    public ImportRow Classify(ImportRecord record, Dictionary<string, int> columns)
    {
        string? Cell(string column) => columns.TryGetValue(column, out var at) && at < record.Cells.Length
            ? column is "Phone" or "ContactPhone" ? ImportVocabulary.CleanPhone(record.Cells[at]) : SpreadsheetCells.Clean(record.Cells[at])
            : null;
        var name = Cell("Name") ?? "";
        var phone = Cell("Phone");
        var line = record.Line;
        if (record.Cells.FirstOrDefault(cell => cell is not null && cell.Contains('\uFFFD', StringComparison.Ordinal)) is { } garbled)
        {
            return new ImportRow(line, name, phone, ImportOutcome.Invalid, "Import_ReplacementCharacter", [garbled], null);
        }

        if (!TryBuildInput(Cell, existing.ByName, out var input, out var rejected))
        {
            return rejected with { Line = line, Name = name, Phone = phone };
        }

        var errors = CustomerRules.Validate(input);
        if (errors.Count > 0)
        {
            var error = errors[0];
            return new ImportRow(line, name, phone, ImportOutcome.Invalid, error.MessageKey, error.Arguments, null, error.Field);
        }

        var normalizedName = CustomerNames.Normalize(input.Name);
        var normalizedPhone = CustomerNames.NormalizePhone(input.Phone);
        var match = existing.ByName.GetValueOrDefault(normalizedName) ?? (normalizedPhone is null ? null : existing.ByPhone.GetValueOrDefault(normalizedPhone));
        if (match is not null)
        {
            var place = match.OwnerId is null ? DuplicatePlace.PublicPool : match.OwnerId == viewer.UserId ? DuplicatePlace.Mine : DuplicatePlace.Colleague;
            var error = CustomerPool.DuplicateError(new DuplicateMatch(null, match.Name, place, match.OwnerId is null ? null : ownerNames.GetValueOrDefault(match.OwnerId), false));
            return new ImportRow(line, name, phone, ImportOutcome.Duplicate, error.MessageKey, error.Arguments, null);
        }

        if (seenNames.TryGetValue(normalizedName, out var earlier) || (normalizedPhone is not null && seenPhones.TryGetValue(normalizedPhone, out earlier)))
        {
            return new ImportRow(line, name, phone, ImportOutcome.Duplicate, "Import_DuplicateInFile", [earlier], null);
        }

        seenNames[normalizedName] = line;
        if (normalizedPhone is not null)
        {
            seenPhones[normalizedPhone] = line;
        }

        return new ImportRow(line, name, phone, ImportOutcome.Valid, null, [], input);
    }

    private static bool TryBuildInput(Func<string, string?> cell, Dictionary<string, CustomerImport.ExistingCustomer> byName, out CustomerInput input, out ImportRow rejected)
    {
        input = null!;
        rejected = null!;
        if (!TryEnum(cell("Industry"), "Industry", Industries, Industry.Other, out var industry, ref rejected)
            || !TryEnum(cell("SizeBand"), "Size", Sizes, SizeBand.Small, out var size, ref rejected)
            || !TryEnum(cell("Stage"), "Stage", Stages, DevelopmentStage.Growth, out var stage, ref rejected)
            || !TryEnum(cell("Source"), "Source", Sources, CustomerSource.Other, out var source, ref rejected)
            || !TryEnum(cell("Level"), "Level", Levels, CustomerLevel.Standard, out var level, ref rejected))
        {
            return false;
        }

        int? referredById = null;
        if (source == CustomerSource.Referral)
        {
            var referrer = cell("ReferredBy");
            if (referrer is null || !byName.TryGetValue(CustomerNames.Normalize(referrer), out var found))
            {
                rejected = new ImportRow(0, "", null, ImportOutcome.Invalid, "Import_ReferrerNotFound", [referrer ?? ""], null);
                return false;
            }

            referredById = found.Id;
        }

        List<ContactInput> contacts = [];
        if (cell("ContactName") is { } contactName)
        {
            contacts.Add(new ContactInput(contactName, cell("ContactTitle"), cell("ContactPhone"), cell("ContactWeChatOrEmail"), ImportVocabulary.IsYes(cell("ContactIsDecisionMaker"))));
        }

        input = new CustomerInput(cell("Name") ?? "", cell("Phone"), cell("Region"), industry, size, stage, source, referredById, level, cell("Notes"), contacts);
        return true;
    }

    private static bool TryEnum<TEnum>(string? text, string field, ImportVocabulary.EnumWords<TEnum> words, TEnum fallback, out TEnum value, ref ImportRow rejected)
        where TEnum : struct, Enum
    {
        value = fallback;
        if (text is null || words.TryRead(text, out value))
        {
            return true;
        }

        rejected = new ImportRow(0, "", null, ImportOutcome.Invalid, "Import_UnknownValue", [text], null, field, words.LabelKeys);
        return false;
    }
}
