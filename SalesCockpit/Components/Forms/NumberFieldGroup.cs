namespace SalesCockpit.Components.Forms;

/// <summary>
/// The number fields of one form. A save asks it first: a field whose text is not a number holds its
/// type's default underneath, and saving that would overwrite what was stored.
/// </summary>
public sealed class NumberFieldGroup
{
    private readonly List<IReadableInput> fields = [];

    public bool AllReadable => fields.TrueForAll(input => !input.HoldsUnreadableText);

    internal void Add(IReadableInput input) => fields.Add(input);

    internal void Remove(IReadableInput input) => fields.Remove(input);
}

public interface IReadableInput
{
    bool HoldsUnreadableText { get; }
}
