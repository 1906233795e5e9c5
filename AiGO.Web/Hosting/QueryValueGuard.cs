using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;

namespace AiGO.Web.Hosting;

/// <summary>
/// A typed <c>[SupplyParameterFromQuery]</c> (<c>int? page</c>, <c>int? org</c> …) that cannot be read throws
/// inside Blazor and the visitor gets HTTP 500. Before any page renders, this reads the page's query parameters as
/// Blazor will (the same parsers, invariant culture) and answers 400, shown as the Chinese status page, when one
/// cannot be read, e.g. <c>/courses?page=abc</c> or <c>org=99999999999</c>. Every page is covered, present and future.
/// </summary>
public sealed class QueryValueGuard(RequestDelegate next)
{
    private static readonly ConcurrentDictionary<Type, (string Name, Type Type)[]> Typed = new();

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.QueryString.HasValue
            && context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>()?.Type is { } page)
        {
            foreach (var (name, type) in Typed.GetOrAdd(page, QueryParameters))
                foreach (var value in context.Request.Query[name])
                    if (!CanRead(value, type))
                    {
                        context.Response.StatusCode = StatusCodes.Status400BadRequest;
                        return Task.CompletedTask;
                    }
        }
        return next(context);
    }

    private static (string, Type)[] QueryParameters(Type page) =>
    [
        .. page.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Select(p => (Property: p, Attribute: p.GetCustomAttribute<SupplyParameterFromQueryAttribute>()))
            .Where(x => x.Attribute is not null && x.Property.PropertyType != typeof(string))
            .Select(x => (x.Attribute!.Name ?? x.Property.Name, x.Property.PropertyType)),
    ];

    /// <summary>Blazor's own rules (Microsoft.AspNetCore.Components.Routing.UrlValueConstraint).</summary>
    public static bool CanRead(string? value, Type type)
    {
        if (type.IsArray) type = type.GetElementType()!;
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null && string.IsNullOrEmpty(value)) return true;
        var s = value ?? "";
        var invariant = CultureInfo.InvariantCulture;
        return (underlying ?? type) switch
        {
            var t when t == typeof(string) => true,
            var t when t == typeof(bool) => bool.TryParse(s, out _),
            var t when t == typeof(int) => int.TryParse(s, NumberStyles.Integer, invariant, out _),
            var t when t == typeof(long) => long.TryParse(s, NumberStyles.Integer, invariant, out _),
            var t when t == typeof(decimal) => decimal.TryParse(s, NumberStyles.Number, invariant, out _),
            var t when t == typeof(double) => double.TryParse(s, NumberStyles.Number, invariant, out _),
            var t when t == typeof(float) => float.TryParse(s, NumberStyles.Number, invariant, out _),
            var t when t == typeof(Guid) => Guid.TryParse(s, out _),
            var t when t == typeof(DateTime) => DateTime.TryParse(s, invariant, DateTimeStyles.None, out _),
            var t when t == typeof(DateOnly) => DateOnly.TryParse(s, invariant, DateTimeStyles.None, out _),
            var t when t == typeof(TimeOnly) => TimeOnly.TryParse(s, invariant, DateTimeStyles.None, out _),
            _ => true, // a type Blazor cannot bind fails at start-up, not per request
        };
    }
}
