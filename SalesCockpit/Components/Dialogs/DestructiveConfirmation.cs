using MudBlazor;

namespace SalesCockpit.Components.Dialogs;

/// <summary>Asks before something that cannot be undone, with the safe choice focused: Enter or Escape at once keeps things as they are.</summary>
public static class DestructiveConfirmation
{
    /// <returns>True only when the user chose <paramref name="doText"/>.</returns>
    public static async Task<bool> ConfirmDestructiveAsync(this IDialogService dialogs, string title, string message, string doText, string keepText)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        // MudBlazor's message box focuses its Yes button, so Yes is the safe choice and No does the irreversible thing.
        var answer = await dialogs.ShowMessageBoxAsync(title, message, yesText: keepText, noText: doText, options: new DialogOptions { CloseOnEscapeKey = true });
        return answer == false;
    }
}
