using Microsoft.EntityFrameworkCore;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Data;
using SalesCockpit.Infrastructure.Realtime;
using SalesCockpit.Infrastructure.Spreadsheets;

namespace SalesCockpit.Features.Customers;

public enum ImportOutcome
{
    Valid,
    Duplicate,
    Invalid,
}

/// <summary>
/// One data line of an import file and what would happen to it. <see cref="AcceptedKeys"/> lists, for a value that was
/// not recognised, the resource keys of the values that would have been.
/// </summary>
public sealed record ImportRow(int Line, string Name, string? Phone, ImportOutcome Outcome, string? MessageKey, IReadOnlyList<object> Arguments, CustomerInput? Input, string? Field = null, IReadOnlyList<string>? AcceptedKeys = null);

public sealed record ImportPreview(int TeamId, IReadOnlyList<ImportRow> Rows, string? FileErrorKey = null, IReadOnlyList<object>? FileErrorArguments = null)
{
    public ImportFormat Format { get; init; }

    public string? EncodingName { get; init; }

    public IReadOnlyList<string> Sheets { get; init; } = [];

    public string? Sheet { get; init; }

    public int ValidCount { get; } = Rows.Count(row => row.Outcome == ImportOutcome.Valid);

    public int DuplicateCount { get; } = Rows.Count(row => row.Outcome == ImportOutcome.Duplicate);

    public int InvalidCount { get; } = Rows.Count(row => row.Outcome == ImportOutcome.Invalid);
}

public enum ImportStage
{
    Uploading,
    Reading,
    Writing,
}

/// <summary>Where an upload, a preview or an import is: the share uploaded, rows read and checked (with the share of the file read) or rows written of the valid ones.</summary>
public sealed record ImportProgress(ImportStage Stage, int Rows, int Total, double Fraction);

/// <summary>
/// Customer lists in: a CSV or .xlsx file (see <see cref="ImportFile"/>) is read row by row into a preview that marks every
/// row valid, duplicate or invalid with the reason; then all valid rows go in one transaction, or none.
/// </summary>
public sealed class CustomerImport(IDbContextFactory<AppDbContext> dbFactory, ITeamEventBus eventBus, TimeProvider clock)
{
    public const int MaxRows = 100_000;
    private const int HeaderSearchRows = 10;
    private const int ProgressEvery = 1_000;
    private const int WriteBatch = 2_000;

    public Task<ImportPreview> PreviewAsync(Viewer viewer, int teamId, Stream content, CancellationToken cancellationToken = default) =>
        PreviewAsync(viewer, teamId, content, fileName: null, sheet: null, progress: null, cancellationToken);

    public async Task<ImportPreview> PreviewAsync(
        Viewer viewer, int teamId, Stream content, string? fileName, string? sheet, IProgress<ImportProgress>? progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(content);
        EnsureMayImport(viewer, teamId);
        ImportFile file;
        try
        {
            file = ImportFile.Open(content, fileName, sheet);
        }
        catch (ImportFileException refused)
        {
            return new ImportPreview(teamId, [], refused.ReasonKey, refused.Arguments);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var existing = await ExistingAsync(db, teamId, cancellationToken);
        var names = await TeamData.NamesAsync(db, existing.ByName.Values.Select(match => match.OwnerId).Concat(existing.ByPhone.Values.Select(match => match.OwnerId)), cancellationToken);
        var classifier = new ImportRowClassifier(viewer, existing, names);
        List<ImportRow> rows = [];
        string? errorKey = null;
        object[] errorArguments = [];
        try
        {
            var (columns, dataRows, leading) = FindHeader(file.Records(cancellationToken).Where(record => !record.Cells.All(string.IsNullOrWhiteSpace)));
            if (columns is null)
            {
                errorKey = leading == 0 ? "Import_Empty" : "Import_NoNameColumn";
            }
            else
            {
                foreach (var record in dataRows)
                {
                    if (rows.Count == MaxRows)
                    {
                        (errorKey, errorArguments) = ("Import_TooManyRows", [MaxRows]);
                        break;
                    }

                    rows.Add(classifier.Classify(record, columns));
                    if (rows.Count % ProgressEvery == 0)
                    {
                        progress?.Report(new ImportProgress(ImportStage.Reading, rows.Count, 0, file.Fraction));
                    }
                }

                errorKey ??= rows.Count == 0 ? "Import_Empty" : null;
            }
        }
        catch (ImportFileException refused)
        {
            (errorKey, errorArguments) = (refused.ReasonKey, [.. refused.Arguments]);
        }

        progress?.Report(new ImportProgress(ImportStage.Reading, rows.Count, rows.Count, 1));
        return new ImportPreview(teamId, errorKey is null ? rows : [], errorKey, errorArguments)
        {
            Format = file.Format, EncodingName = file.EncodingName, Sheets = file.Sheets, Sheet = file.Sheet,
        };
    }

    /// <summary>
    /// Inserts every valid row of the preview together, or none: a row that became a duplicate since the preview stops it all,
    /// and so does cancelling. A rep's rows go to their own pool unless <paramref name="toPublicPool"/>; a manager's always go to the public pool.
    /// </summary>
    public async Task<int> ImportAsync(Viewer viewer, ImportPreview preview, bool toPublicPool, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(preview);
        var teamId = preview.TeamId;
        EnsureMayImport(viewer, teamId);
        toPublicPool |= !viewer.IsRep;
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

        var written = 0;
        foreach (var batch in inputs.Chunk(WriteBatch))
        {
            var customers = batch.Select(input => NewCustomer(input, teamId, viewer.UserId, toPublicPool ? null : policy, now)).ToList();
            var byName = customers.ToDictionary(customer => customer.NormalizedName);
            foreach (var inserted in await BulkInsert.InsertAsync(db, customers, [nameof(Customer.Id), nameof(Customer.NormalizedName)], cancellationToken))
            {
                var customer = byName[(string)inserted[1]];
                customer.Id = (int)inserted[0];
                customer.Contacts.ForEach(contact => contact.CustomerId = customer.Id);
            }

            await BulkInsert.InsertAsync(db, [.. customers.SelectMany(customer => customer.Contacts)], [], cancellationToken);
            await BulkInsert.InsertAsync(db, [.. customers.Select(customer => new CustomerEvent
            {
                CustomerId = customer.Id, TeamId = teamId, OccurredAt = now, Kind = CustomerEventKind.Imported, ActorId = viewer.UserId, ToOwnerId = customer.OwnerId,
            })], [], cancellationToken);
            written += customers.Count;
            progress?.Report(new ImportProgress(ImportStage.Writing, written, inputs.Count, (double)written / inputs.Count));
        }

        // Past this point the import happens: a cancel that arrives now is too late to take it back.
        await transaction.CommitAsync(CancellationToken.None);
        await eventBus.PublishAsync(new TeamEvent(teamId, CustomerTopics.Pool, ActorId: viewer.UserId), CancellationToken.None);
        return written;
    }

    private static void EnsureMayImport(Viewer viewer, int teamId)
    {
        viewer.EnsureCanSeeTeam(teamId);
        if (!viewer.IsRep)
        {
            viewer.EnsureCanManageTeam(teamId);
        }
    }

    private static Customer NewCustomer(CustomerInput input, int teamId, string actorId, FlowBackPolicy? ownPolicy, DateTime now)
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
            CreatedById = actorId,
            Version = Guid.NewGuid(),
        };
        customer.Contacts.AddRange(input.Contacts.Select(contact => new Contact
        {
            Name = contact.Name.Trim(),
            Title = CustomerRules.Clean(contact.Title),
            Phone = CustomerRules.Clean(contact.Phone),
            WeChatOrEmail = CustomerRules.Clean(contact.WeChatOrEmail),
            IsDecisionMaker = contact.IsDecisionMaker,
        }));
        if (ownPolicy is not null)
        {
            customer.OwnerId = actorId;
            customer.OwnerSince = customer.HoldClockAt = customer.ProgressClockAt = now;
            ownPolicy.Apply(customer);
        }

        return customer;
    }

    /// <summary>The header is the most telling of the first lines: a title row or a merged group row may come before it.</summary>
    private static (Dictionary<string, int>? Columns, IEnumerable<ImportRecord> DataRows, int Leading) FindHeader(IEnumerable<ImportRecord> records)
    {
        var enumerator = records.GetEnumerator();
        List<ImportRecord> leading = [];
        while (leading.Count < HeaderSearchRows && enumerator.MoveNext())
        {
            leading.Add(enumerator.Current);
        }

        var best = leading.Select((record, index) => (Columns: MapHeader(record.Cells), Index: index))
            .Where(candidate => candidate.Columns.ContainsKey("Name"))
            .OrderByDescending(candidate => candidate.Columns.Count).ThenBy(candidate => candidate.Index)
            .FirstOrDefault();
        if (best.Columns is null)
        {
            enumerator.Dispose();
            return (null, [], leading.Count);
        }

        return (best.Columns, leading.Skip(best.Index + 1).Concat(Remaining(enumerator)), leading.Count);
    }

    private static IEnumerable<ImportRecord> Remaining(IEnumerator<ImportRecord> enumerator)
    {
        using (enumerator)
        {
            while (enumerator.MoveNext())
            {
                yield return enumerator.Current;
            }
        }
    }

    private static Dictionary<string, int> MapHeader(string?[] header)
    {
        var map = new Dictionary<string, int>();
        for (var i = 0; i < header.Length; i++)
        {
            if (ImportVocabulary.ColumnOf(header[i]) is { } column)
            {
                map.TryAdd(column, i);
            }
        }

        return map;
    }

    internal sealed record ExistingCustomer(int Id, string Name, string? OwnerId);

    internal sealed record Existing(Dictionary<string, ExistingCustomer> ByName, Dictionary<string, ExistingCustomer> ByPhone, HashSet<int> Ids);

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
