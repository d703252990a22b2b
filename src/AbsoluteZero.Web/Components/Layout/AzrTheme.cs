using MudBlazor;

namespace AbsoluteZero.Web.Components.Layout;

public static class AzrTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight { Primary = "#3949ab", AppbarBackground = "#283593" },
    };
}
