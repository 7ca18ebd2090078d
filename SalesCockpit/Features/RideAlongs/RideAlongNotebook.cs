using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Data;
using SalesCockpit.Infrastructure.Realtime;
using SalesCockpit.Infrastructure.Validation;

namespace SalesCockpit.Features.RideAlongs;

public enum NotebookChangeKind
{
    Note,
    Score,
    Text,
}

public enum DebriefField
{
    RepAccount,
    Feedback,
}

/// <summary>
/// One change as the browser queued it. <see cref="Key"/> is the browser's name for it (a note's id, "score:3", "text:Feedback"):
/// the save answers with the keys it has dealt with, and the browser forgets only those.
/// </summary>
public sealed record NotebookChange(
    string Key,
    NotebookChangeKind Kind,
    Guid? NoteId = null,
    string? Text = null,
    NoteTag? Tag = null,
    DateTime? TakenAt = null,
    int? SkillId = null,
    int? Score = null,
    DebriefField? Field = null);

/// <summary>Which keys were dealt with: saved, or refused for good (e.g. the ride-along was completed meanwhile).</summary>
public sealed record NotebookSaveResult(IReadOnlyList<string> Done, IReadOnlyList<string> Refused, DateTime SavedAt);

/// <summary>
/// Everything typed during and after a visit, saved as it is typed: notes (idempotent upserts by the browser's id), skill scores,
/// the rep's account and the manager's feedback; and the agreed actions.
/// </summary>
public sealed partial class RideAlongNotebook(IDbContextFactory<AppDbContext> dbFactory, ITeamEventBus eventBus, TimeProvider clock, ILogger<RideAlongNotebook> logger)
{
    public const int MaxBatch = 200;

    public async Task<NotebookSaveResult> SaveAsync(Viewer viewer, int rideAlongId, IReadOnlyList<NotebookChange> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(changes);
        try
        {
            return await TrySaveAsync(viewer, rideAlongId, changes.Take(MaxBatch).ToList(), cancellationToken);
        }
        catch (DbUpdateException exception)
        {
            // The same note arrived twice at once (a retry racing its original, or two tabs): the second round updates what the first inserted.
            LogRaced(logger, exception, rideAlongId);
            try
            {
                return await TrySaveAsync(viewer, rideAlongId, changes.Take(MaxBatch).ToList(), cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                throw new ConcurrentEditException();
            }
        }
    }

    public Task<NotebookSaveResult> SaveNoteAsync(Viewer viewer, int rideAlongId, NoteInput note, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(note);
        return SaveAsync(viewer, rideAlongId, [new NotebookChange(note.Id.ToString(), NotebookChangeKind.Note, note.Id, note.Text, note.Tag, note.TakenAt)], cancellationToken);
    }

    public Task<NotebookSaveResult> ScoreAsync(Viewer viewer, int rideAlongId, int skillId, int? score, CancellationToken cancellationToken = default) =>
        SaveAsync(viewer, rideAlongId, [new NotebookChange($"score:{skillId}", NotebookChangeKind.Score, SkillId: skillId, Score: score)], cancellationToken);

    public Task<NotebookSaveResult> SaveTextAsync(Viewer viewer, int rideAlongId, DebriefField field, string? text, CancellationToken cancellationToken = default) =>
        SaveAsync(viewer, rideAlongId, [new NotebookChange($"text:{field}", NotebookChangeKind.Text, Text: text, Field: field)], cancellationToken);

    public async Task DeleteNoteAsync(Viewer viewer, int rideAlongId, Guid noteId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rideAlong = await RideAlongData.LoadOpenToCoachAsync(db, viewer, rideAlongId, tracked: false, cancellationToken);
        await db.Set<RideAlongNote>().Where(note => note.Id == noteId && note.RideAlongId == rideAlongId).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Adds or edits an agreed action (the browser's id makes a double click harmless). Owned by the rep or the coach.</summary>
    public async Task SaveActionAsync(Viewer viewer, int rideAlongId, ActionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rideAlong = await RideAlongData.LoadOpenToCoachAsync(db, viewer, rideAlongId, tracked: false, cancellationToken);
        var today = TeamCalendar.Today(clock, await TeamData.TimeZoneAsync(db, rideAlong.TeamId, cancellationToken));
        var errors = RideAlongRules.Validate(input, today);
        if (!string.IsNullOrWhiteSpace(input.OwnerId) && input.OwnerId != rideAlong.RepId && input.OwnerId != rideAlong.ManagerId && input.OwnerId != viewer.UserId)
        {
            errors.Add(new FieldError(nameof(input.OwnerId), "Validation_Required"));
        }

        ValidationFailedException.ThrowIfAny(errors);
        var action = await db.Set<AgreedAction>().SingleOrDefaultAsync(candidate => candidate.Id == input.Id, cancellationToken);
        if (action is null)
        {
            action = new AgreedAction { Id = input.Id, RideAlongId = rideAlongId, TeamId = rideAlong.TeamId, Text = "", OwnerId = input.OwnerId, CreatedAt = clock.GetUtcNow().UtcDateTime };
            db.Add(action);
        }
        else if (action.RideAlongId != rideAlongId)
        {
            throw new TeamAccessDeniedException(rideAlong.TeamId);
        }

        action.Text = input.Text.Trim();
        action.OwnerId = input.OwnerId;
        action.DueOn = input.DueOn;
        await db.SaveChangesAsync(cancellationToken);
        await PublishAsync(rideAlong.TeamId, rideAlongId, viewer, cancellationToken);
    }

    public async Task RemoveActionAsync(Viewer viewer, int rideAlongId, Guid actionId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rideAlong = await RideAlongData.LoadOpenToCoachAsync(db, viewer, rideAlongId, tracked: false, cancellationToken);
        await db.Set<AgreedAction>().Where(action => action.Id == actionId && action.RideAlongId == rideAlongId).ExecuteDeleteAsync(cancellationToken);
        await PublishAsync(rideAlong.TeamId, rideAlongId, viewer, cancellationToken);
    }

    private async Task<NotebookSaveResult> TrySaveAsync(Viewer viewer, int rideAlongId, List<NotebookChange> changes, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rideAlong = await RideAlongData.LoadVisibleAsync(db, viewer, rideAlongId, tracked: true, cancellationToken);
        var isCoach = viewer.CanManageTeam(rideAlong.TeamId);
        var isRep = rideAlong.RepId == viewer.UserId;
        var now = clock.GetUtcNow().UtcDateTime;
        List<string> done = [];
        List<string> refused = [];
        var debriefChanged = false;

        var noteIds = changes.Where(change => change.Kind == NotebookChangeKind.Note && change.NoteId is not null).Select(change => change.NoteId!.Value).ToList();
        var existingNotes = await db.Set<RideAlongNote>().Where(note => noteIds.Contains(note.Id)).ToDictionaryAsync(note => note.Id, cancellationToken);
        var scores = await db.Set<SkillScore>().Where(score => score.RideAlongId == rideAlongId).ToDictionaryAsync(score => score.SkillId, cancellationToken);

        foreach (var change in changes)
        {
            var accepted = rideAlong.Status == RideAlongStatus.Scheduled && change.Kind switch
            {
                NotebookChangeKind.Note => isCoach && ApplyNote(db, rideAlong, change, existingNotes, viewer, now),
                NotebookChangeKind.Score => isCoach && ApplyScore(db, rideAlong, change, scores, now),
                NotebookChangeKind.Text => ApplyText(rideAlong, change, isCoach, isRep, ref debriefChanged),
                _ => false,
            };
            (accepted ? done : refused).Add(change.Key);
        }

        // A concurrent change of the ride-along row (the other side's text, completion) fails the whole batch; the caller retries it.
        await db.SaveChangesAsync(cancellationToken);
        if (debriefChanged)
        {
            await PublishAsync(rideAlong.TeamId, rideAlongId, viewer, cancellationToken);
        }

        if (refused.Count > 0)
        {
            LogRefused(logger, rideAlongId, refused.Count, viewer.UserId);
        }

        return new NotebookSaveResult(done, refused, now);
    }

    private static bool ApplyNote(AppDbContext db, RideAlong rideAlong, NotebookChange change, Dictionary<Guid, RideAlongNote> existing, Viewer viewer, DateTime now)
    {
        if (change.NoteId is not { } id)
        {
            return false;
        }

        var input = new NoteInput(id, change.Text ?? "", change.Tag, change.TakenAt ?? now);
        if (RideAlongRules.Validate(input).Count > 0)
        {
            return false;
        }

        if (!existing.TryGetValue(id, out var note))
        {
            note = new RideAlongNote { Id = id, RideAlongId = rideAlong.Id, AuthorId = viewer.UserId, Text = "" };
            db.Add(note);
            existing[id] = note;
        }
        else if (note.RideAlongId != rideAlong.Id)
        {
            return false;
        }

        note.Text = input.Text.Trim();
        note.Tag = input.Tag;
        note.TakenAt = RideAlongRules.TakenAt(input.TakenAt, now);
        note.SavedAt = now;
        return true;
    }

    private static bool ApplyScore(AppDbContext db, RideAlong rideAlong, NotebookChange change, Dictionary<int, SkillScore> scores, DateTime now)
    {
        if (change.SkillId is not { } skillId || !rideAlong.FocusSkillIds.Contains(skillId) || (change.Score is { } value && !RideAlongRules.IsScore(value)))
        {
            return false;
        }

        scores.TryGetValue(skillId, out var score);
        if (change.Score is null)
        {
            if (score is not null)
            {
                db.Remove(score);
                scores.Remove(skillId);
            }

            return true;
        }

        if (score is null)
        {
            score = new SkillScore { RideAlongId = rideAlong.Id, SkillId = skillId };
            db.Add(score);
            scores[skillId] = score;
        }

        score.Score = change.Score.Value;
        score.ScoredAt = now;
        return true;
    }

    private static bool ApplyText(RideAlong rideAlong, NotebookChange change, bool isCoach, bool isRep, ref bool changed)
    {
        if (RideAlongRules.ValidateLongText(nameof(change.Text), change.Text) is not null)
        {
            return false;
        }

        var text = RideAlongRules.Clean(change.Text);
        switch (change.Field)
        {
            case DebriefField.RepAccount when isRep:
                changed |= rideAlong.RepAccount != text;
                rideAlong.RepAccount = text;
                return true;
            case DebriefField.Feedback when isCoach:
                changed |= rideAlong.Feedback != text;
                rideAlong.Feedback = text;
                return true;
            default:
                return false;
        }
    }

    private Task PublishAsync(int teamId, int rideAlongId, Viewer viewer, CancellationToken cancellationToken) =>
        eventBus.PublishAsync(new TeamEvent(teamId, RideAlongTopics.Debrief, rideAlongId.ToString(CultureInfo.InvariantCulture), viewer.UserId), cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Notebook save for ride-along {RideAlongId} raced; retrying once")]
    private static partial void LogRaced(ILogger logger, Exception exception, int rideAlongId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ride-along {RideAlongId}: refused {Count} queued changes from {UserId}")]
    private static partial void LogRefused(ILogger logger, int rideAlongId, int count, string userId);
}
