using System.Net;

namespace AiGO.Web.Hosting;

/// <summary>
/// /dev/… (the dev mailbox, which shows every reset link) exists only in Development, and there only for a caller
/// on this machine: anyone else gets 404, as if it did not exist.
/// </summary>
public static class DevTools
{
    public static bool Allows(HttpContext context, IHostEnvironment environment) =>
        environment.IsDevelopment() && context.Connection.RemoteIpAddress is { } ip && IPAddress.IsLoopback(ip);

    public static IApplicationBuilder UseDevToolsForLoopbackOnly(this IApplicationBuilder app, IHostEnvironment environment) =>
        app.Use((context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments("/dev") || Allows(context, environment)) return next(context);
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
}
