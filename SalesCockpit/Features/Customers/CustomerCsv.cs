using System.Globalization;
using System.Resources;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Data;
using SalesCockpit.Infrastructure.Realtime;

namespace SalesCockpit.Features.Customers;

public enum ImportOutcome
{
    Valid,
    Duplicate,
    Invalid,
}

/// <summary>One data line of an import file and what would happen to it.</summary>
public sealed record ImportRow(int Line, string Name, string? Phone, ImportOutcome Outcome, string? MessageKey, IReadOnlyList<object> Arguments, CustomerInput? Input, string? Field = null);

public sealed record ImportPreview(int TeamId, bool ToPublicPool, IReadOnlyList<ImportRow> Rows, string? FileErrorKey = null)
{
    public int ValidCount => Rows.Count(row => row.Outcome == ImportOutcome.Valid);
}

/// <summary>
/// CSV in and out. Import: UTF-8 (with or without BOM), headers in English or Chinese, a preview that marks every row valid,
/// duplicate or invalid, then all valid rows in one transaction. Export: UTF-8 with BOM, so spreadsheet programs read Chinese right.
/// </summary>
public sealed class CustomerCsv(IDbContextFactory<AppDbContext> dbFactory, CustomerDirectory directory, ITeamEventBus eventBus, TimeProvider clock)
{
    public const int MaxRows = 20_000;
    public const long MaxFileBytes = 10 * 1024 * 1024;

    internal static readonly string[] ImportColumns =
        ["Name", "Phone", "Region", "Industry", "SizeBand", "Stage", "Source", "ReferredBy", "Level", "ContactName", "ContactTitle", "ContactPhone", "ContactWeChatOrEmail", "ContactIsDecisionMaker", "Notes"];

    private static readonly string[] ExportColumns =
        ["Name", "Phone", "Region", "Industry", "SizeBand", "Stage", "Status", "Level", "Owner", "FlowBackOn", "DaysLeft", "Fit", "LastFollowUpAt", "NextFollowUpOn"];

    private static readonly ResourceManager Resources = new(typeof(CustomersText).FullName!, typeof(CustomersText).Assembly);
    private static readonly CultureInfo[] LabelCultures = [CultureInfo.InvariantCulture, new("zh-CN")];

    public async Task<ImportPreview> PreviewAsync(Viewer viewer, int teamId, Stream csv, bool toPublicPool, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(csv);
        viewer.EnsureCanSeeTeam(teamId);
        toPublicPool = toPublicPool || !viewer.IsRep;
        if (!viewer.IsRep)
        {
            viewer.EnsureCanManageTeam(teamId);
        }

        using var reader = new StreamReader(csv, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var records = await ParseAsync(reader, cancellationToken);
        if (records.Count == 0)
        {
            return new ImportPreview(teamId, toPublicPool, [], "Import_Empty");
        }

        var columns = MapHeader(records[0]);
        if (!columns.ContainsKey("Name"))
        {
            return new ImportPreview(teamId, toPublicPool, [], "Import_NoNameColumn");
        }

        if (records.Count - 1 > MaxRows)
        {
            return new ImportPreview(teamId, toPublicPool, [], "Import_TooManyRows");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var existing = await ExistingAsync(db, teamId, cancellationToken);
        var names = await TeamData.NamesAsync(db, existing.ByName.Values.Select(match => match.OwnerId).Concat(existing.ByPhone.Values.Select(match => match.OwnerId)), cancellationToken);
        var seenNames = new Dictionary<string, int>();
        var seenPhones = new Dictionary<string, int>();
        List<ImportRow> rows = [];
        for (var index = 1; index < records.Count; index++)
        {
            var record = records[index];
            if (record.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var line = index + 1;
            string? Cell(string column) => columns.TryGetValue(column, out var at) && at < record.Length && !string.IsNullOrWhiteSpace(record[at]) ? record[at].Trim() : null;
            var name = Cell("Name") ?? "";
            var phone = Cell("Phone");
            rows.Add(Classify());

            ImportRow Classify()
            {
                if (!TryBuildInput(Cell, existing.ByName, out var input, out var errorKey, out var errorArgs))
                {
                    return new ImportRow(line, name, phone, ImportOutcome.Invalid, errorKey, errorArgs, null);
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
                    var error = CustomerPool.DuplicateError(new DuplicateMatch(null, match.Name, place, match.OwnerId is null ? null : names.GetValueOrDefault(match.OwnerId), false));
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
        }

        return new ImportPreview(teamId, toPublicPool, rows);
    }

    /// <summary>Inserts every valid row of the preview together, or none: a row that became a duplicate since the preview stops it all.</summary>
    public async Task<int> ImportAsync(Viewer viewer, ImportPreview preview, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(preview);
        var teamId = preview.TeamId;
        viewer.EnsureCanSeeTeam(teamId);
        var toPublicPool = preview.ToPublicPool || !viewer.IsRep;
        if (!viewer.IsRep)
        {
            viewer.EnsureCanManageTeam(teamId);
        }

        var inputs = preview.Rows.Where(row => row.Outcome == ImportOutcome.Valid).Select(row => row.Input!).ToList();
        if (inputs.Count == 0)
        {
            return 0;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var settings = await CustomerData.SettingsAsync(db, teamId, cancellationToken);
        var timeZoneId = await TeamData.TimeZoneAsync(db, teamId, cancellationToken);
        var policy = new FlowBackPolicy(settings, timeZoneId, clock);
        var now = clock.GetUtcNow().UtcDateTime;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var existing = await ExistingAsync(db, teamId, cancellationToken);
        foreach (var input in inputs)
        {
            if (existing.ByName.ContainsKey(CustomerNames.Normalize(input.Name))
                || (CustomerNames.NormalizePhone(input.Phone) is { } phone && existing.ByPhone.ContainsKey(phone))
                || (input.ReferredById is { } referrer && !existing.Ids.Contains(referrer)))
            {
                throw new PoolRuleException("Import_ChangedSincePreview", input.Name);
            }
        }

        if (!toPublicPool)
        {
            var decision = new ClaimPolicy(settings, timeZoneId, clock).DecideCapacity(await CustomerData.HeldCountAsync(db, teamId, viewer.UserId, settings, cancellationToken), inputs.Count);
            if (!decision.Allowed)
            {
                throw new PoolRuleException("Import_OverCapacity", settings.PrivatePoolCapacity);
            }
        }

        var customers = inputs.Select(input =>
        {
            var customer = new Customer
            {
                TeamId = teamId,
                Name = input.Name.Trim(),
                NormalizedName = CustomerNames.Normalize(input.Name),
                NameCore = CompanyNameCore.Of(input.Name),
                Phone = CustomerRules.Clean(input.Phone),
                NormalizedPhone = CustomerNames.NormalizePhone(input.Phone),
                Region = CustomerRules.Clean(input.Region),
                Industry = input.Industry,
                SizeBand = input.SizeBand,
                Stage = input.Stage,
                Source = input.Source,
                ReferredById = input.ReferredById,
                Level = input.Level,
                Notes = CustomerRules.Clean(input.Notes),
                Status = CustomerStatus.Lead,
                CreatedAt = now,
                CreatedById = viewer.UserId,
            };
            customer.Contacts.AddRange(input.Contacts.Select(contact => new Contact
            {
                Name = contact.Name.Trim(),
                Title = CustomerRules.Clean(contact.Title),
                Phone = CustomerRules.Clean(contact.Phone),
                WeChatOrEmail = CustomerRules.Clean(contact.WeChatOrEmail),
                IsDecisionMaker = contact.IsDecisionMaker,
            }));
            if (!toPublicPool)
            {
                customer.OwnerId = viewer.UserId;
                customer.OwnerSince = customer.HoldClockAt = customer.ProgressClockAt = now;
                policy.Apply(customer);
            }

            return customer;
        }).ToList();

        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.AddRange(customers);
        await db.SaveChangesAsync(cancellationToken);
        db.AddRange(customers.Select(customer => new CustomerEvent
        {
            CustomerId = customer.Id, TeamId = teamId, OccurredAt = now, Kind = CustomerEventKind.Imported, ActorId = viewer.UserId, ToOwnerId = customer.OwnerId,
        }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await eventBus.PublishAsync(new TeamEvent(teamId, CustomerTopics.Pool, ActorId: viewer.UserId), cancellationToken);
        return customers.Count;
    }

    /// <summary>Writes the list the query describes (all pages) as CSV, in the current UI language.</summary>
    public async Task WriteCsvAsync(Viewer viewer, CustomerQuery query, Stream output, IStringLocalizer localizer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(localizer);
        var culture = CultureInfo.CurrentCulture;
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 64 * 1024, leaveOpen: true);
        await writer.WriteAsync(string.Join(',', ExportColumns.Select(column => Quote(localizer["Csv_" + column]))) + "\r\n");
        const int pageSize = 2000;
        for (var page = 0; ; page++)
        {
            var rows = (await directory.ListAsync(viewer, query with { Page = page, PageSize = pageSize }, cancellationToken)).Rows;
            foreach (var row in rows)
            {
                string[] cells =
                [
                    row.Name, row.Phone ?? "", row.Region ?? "",
                    localizer["Industry_" + row.Industry], localizer["Size_" + row.SizeBand], localizer["DevStage_" + row.Stage],
                    localizer["Status_" + row.Status], localizer["Level_" + row.Level], row.OwnerName ?? localizer["PublicPool"],
                    row.Countdown?.On.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", row.Countdown?.DaysLeft.ToString(culture) ?? "",
                    localizer["Fit_" + row.Fit], row.LastFollowUpAt?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "",
                    row.NextFollowUpOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                ];
                await writer.WriteAsync(string.Join(',', cells.Select(Quote)) + "\r\n");
            }

            if (rows.Count < pageSize)
            {
                break;
            }
        }

        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>RFC 4180: quoted fields may hold commas, quotes ("") and line breaks.</summary>
    public static async Task<List<string[]>> ParseAsync(TextReader reader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var text = await reader.ReadToEndAsync(cancellationToken);
        List<string[]> records = [];
        List<string> fields = [];
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var character = text[i];
            if (quoted)
            {
                if (character == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    field.Append(character);
                }
            }
            else if (character == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (character == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (character is '\r' or '\n')
            {
                if (character == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                field.Clear();
                records.Add([.. fields]);
                fields.Clear();
            }
            else if (character != '\uFEFF' || i > 0)
            {
                field.Append(character);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add([.. fields]);
        }

        return records;
    }

    /// <summary>Quotes when needed, and defuses cells a spreadsheet would run as a formula.</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 0 && (value[0] is '=' or '@' || (value[0] is '+' or '-' && !value.All(character => char.IsAsciiDigit(character) || character is '+' or '-' or ' ' or '(' or ')'))))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>The text of a key in both languages, for reading labels back from a file.</summary>
    internal static IEnumerable<string> LabelsOf(string key) =>
        LabelCultures.Select(culture => Resources.GetString(key, culture)).OfType<string>();

    private static Dictionary<string, int> MapHeader(string[] header)
    {
        var map = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Length; i++)
        {
            var cell = header[i].Trim();
            foreach (var column in ImportColumns)
            {
                if (!map.ContainsKey(column) && (cell.Equals(column, StringComparison.OrdinalIgnoreCase) || LabelsOf("Csv_" + column).Any(label => label.Equals(cell, StringComparison.OrdinalIgnoreCase))))
                {
                    map[column] = i;
                    break;
                }
            }
        }

        return map;
    }

    private static bool TryBuildInput(Func<string, string?> cell, IReadOnlyDictionary<string, ExistingCustomer> byName, out CustomerInput input, out string? errorKey, out object[] errorArgs)
    {
        input = null!;
        errorKey = null;
        errorArgs = [];
        if (!TryEnum(cell("Industry"), "Industry_", Industry.Other, out Industry industry, out var bad)
            || !TryEnum(cell("SizeBand"), "Size_", SizeBand.Small, out SizeBand size, out bad)
            || !TryEnum(cell("Stage"), "DevStage_", DevelopmentStage.Growth, out DevelopmentStage stage, out bad)
            || !TryEnum(cell("Source"), "Source_", CustomerSource.Other, out CustomerSource source, out bad)
            || !TryEnum(cell("Level"), "Level_", CustomerLevel.Standard, out CustomerLevel level, out bad))
        {
            errorKey = "Import_UnknownValue";
            errorArgs = [bad!];
            return false;
        }

        int? referredById = null;
        if (source == CustomerSource.Referral)
        {
            var referrer = cell("ReferredBy");
            if (referrer is null || !byName.TryGetValue(CustomerNames.Normalize(referrer), out var found))
            {
                errorKey = "Import_ReferrerNotFound";
                errorArgs = [referrer ?? ""];
                return false;
            }

            referredById = found.Id;
        }

        List<ContactInput> contacts = [];
        if (cell("ContactName") is { } contactName)
        {
            var decisionMaker = cell("ContactIsDecisionMaker");
            contacts.Add(new ContactInput(
                contactName, cell("ContactTitle"), cell("ContactPhone"), cell("ContactWeChatOrEmail"),
                decisionMaker is not null && (LabelsOf("Yes").Contains(decisionMaker, StringComparer.OrdinalIgnoreCase) || decisionMaker is "1" || decisionMaker.Equals("true", StringComparison.OrdinalIgnoreCase))));
        }

        input = new CustomerInput(cell("Name") ?? "", cell("Phone"), cell("Region"), industry, size, stage, source, referredById, level, cell("Notes"), contacts);
        return true;
    }

    private static bool TryEnum<TEnum>(string? text, string keyPrefix, TEnum fallback, out TEnum value, out string? bad)
        where TEnum : struct, Enum
    {
        bad = null;
        value = fallback;
        if (text is null)
        {
            return true;
        }

        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (candidate.ToString().Equals(text, StringComparison.OrdinalIgnoreCase)
                || LabelsOf(keyPrefix + candidate).Any(label => label.Equals(text, StringComparison.OrdinalIgnoreCase)))
            {
                value = candidate;
                return true;
            }
        }

        bad = text;
        return false;
    }

    private sealed record ExistingCustomer(int Id, string Name, string? OwnerId);

    private sealed record Existing(Dictionary<string, ExistingCustomer> ByName, Dictionary<string, ExistingCustomer> ByPhone, HashSet<int> Ids);

    private static async Task<Existing> ExistingAsync(AppDbContext db, int teamId, CancellationToken cancellationToken)
    {
        var rows = await db.Set<Customer>().AsNoTracking().Where(customer => customer.TeamId == teamId)
            .Select(customer => new { customer.Id, customer.Name, customer.NormalizedName, customer.NormalizedPhone, customer.OwnerId })
            .ToListAsync(cancellationToken);
        var byName = new Dictionary<string, ExistingCustomer>();
        var byPhone = new Dictionary<string, ExistingCustomer>();
        foreach (var row in rows)
        {
            var customer = new ExistingCustomer(row.Id, row.Name, row.OwnerId);
            byName.TryAdd(row.NormalizedName, customer);
            if (row.NormalizedPhone is not null)
            {
                byPhone.TryAdd(row.NormalizedPhone, customer);
            }
        }

        return new Existing(byName, byPhone, [.. rows.Select(row => row.Id)]);
    }
}
