using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace Monitoring.Alert.Desk;

/// <summary>
/// The analyst's desk: plain ES modules and CSS under <c>Desk/wwwroot</c>, copied beside the assembly and served
/// from <c>/desk/</c>, with <c>/</c> answering its page. Nothing is loaded from elsewhere: the policy header allows
/// scripts, styles and requests to this origin only.
/// </summary>
public static class DeskEndpoints
{
    public const string AssetPath = "/desk";

    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    public static IEndpointRouteBuilder MapDesk(this IEndpointRouteBuilder app)
    {
        var root = Path.Combine(AppContext.BaseDirectory, "desk");
        if (!Directory.Exists(root)) return app;
        var files = new PhysicalFileProvider(root);
        if (app is IApplicationBuilder pipeline)
        {
            pipeline.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = files,
                RequestPath = AssetPath,
                ContentTypeProvider = new FileExtensionContentTypeProvider(),
                OnPrepareResponse = context => Secure(context.Context.Response),
            });
        }

        app.MapGet("/", (HttpContext context) =>
        {
            Secure(context.Response);
            return Results.File(files.GetFileInfo("index.html").PhysicalPath!, "text/html; charset=utf-8");
        }).ExcludeFromDescription();
        return app;
    }

    private static void Secure(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "no-cache";
        response.Headers["Referrer-Policy"] = "no-referrer";
    }
}
