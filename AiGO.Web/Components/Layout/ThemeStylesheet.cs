using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace AiGO.Web.Components.Layout;

/// <summary>
/// MudBlazor's theme style block for <see cref="AiGoTheme"/>: <see cref="MudThemeProvider"/>'s own output, rendered once
/// per process with <see cref="HtmlRenderer"/> and written into every page's head by <c>App.razor</c>. The theme never
/// changes while the app runs (no dark mode), so a provider per request or per circuit would rebuild the same 24 KB of
/// CSS for every page and keep a copy in every circuit's render tree.
/// </summary>
public sealed class ThemeStylesheet(IServiceScopeFactory scopes, ILoggerFactory loggers)
{
    private readonly Lazy<Task<MarkupString>> html = new(() => RenderAsync(scopes, loggers));

    public Task<MarkupString> GetAsync() => html.Value;

    private static async Task<MarkupString> RenderAsync(IServiceScopeFactory scopes, ILoggerFactory loggers)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<MudThemeProvider>(ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(MudThemeProvider.Theme)] = AiGoTheme.Theme,
                // Nothing here follows the system's dark mode: there is one light palette.
                [nameof(MudThemeProvider.ObserveSystemDarkModeChange)] = false,
            }));
            return new MarkupString(output.ToHtmlString());
        });
    }
}
