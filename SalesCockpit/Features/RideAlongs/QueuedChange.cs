using System.Globalization;

namespace SalesCockpit.Features.RideAlongs;

/// <summary>
/// A change as js/ride-along-notes.js queues it (plain JSON types), sent over the circuit while the page is open and
/// to <c>POST /ride-alongs/{id}/notebook</c> when the page is hidden or closed.
/// </summary>
public sealed record QueuedChange(string Key, string Kind, string? Id, string? Text, int? Tag, string? TakenAt, int? SkillId, int? Score, string? Field)
{
    public NotebookChange ToChange() => Kind switch
    {
        "note" => new NotebookChange(Key, NotebookChangeKind.Note, Guid.TryParse(Id, out var id) ? id : null, Text,
            Tag is { } tag ? (NoteTag)tag : null,
            DateTime.TryParse(TakenAt, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var takenAt) ? takenAt : null),
        "score" => new NotebookChange(Key, NotebookChangeKind.Score, SkillId: SkillId, Score: Score),
        _ => new NotebookChange(Key, NotebookChangeKind.Text, Text: Text, Field: Enum.TryParse<DebriefField>(Field, out var field) ? field : null),
    };
}
