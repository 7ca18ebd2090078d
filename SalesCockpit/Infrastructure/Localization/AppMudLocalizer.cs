using Microsoft.Extensions.Localization;
using MudBlazor;

namespace SalesCockpit.Infrastructure.Localization;

/// <summary>Gives MudBlazor's built-in texts (paging, filters, pickers) the user's language.</summary>
internal sealed class AppMudLocalizer(IStringLocalizer<MudText> localizer) : MudLocalizer
{
    public override LocalizedString this[string key]
    {
        get
        {
            var text = localizer[key];
            return text.ResourceNotFound ? new LocalizedString(key, key, resourceNotFound: true) : text;
        }
    }
}
