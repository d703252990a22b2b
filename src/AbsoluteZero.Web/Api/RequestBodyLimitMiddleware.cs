using AbsoluteZero.Web.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace AbsoluteZero.Web.Api;

/// <summary>
/// REST bodies larger than <see cref="PlatformOptions.MaxRequestBodyBytes"/> get 413 problem+json. A body within the
/// limit is read into memory (at most 1 MB) and handed on; a larger one is read in small chunks and thrown away, never
/// held, so a client that sends the whole body before reading the answer sees the 413 rather than a reset connection.
/// A client that waits for <c>100-continue</c> is answered at once and sends nothing.
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<PlatformOptions> options)
{
    private const int ChunkBytes = 64 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments("/api") || context.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false })
        {
            await next(context);
            return;
        }

        var limit = options.Value.MaxRequestBodyBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = Math.Max(limit, options.Value.MaxDrainBytes);

        if (request.ContentLength > limit)
        {
            if (!ExpectsContinue(request))
                await DrainAsync(context);
            await RejectAsync(context, limit);
            return;
        }

        var buffer = new MemoryStream();
        var copied = await CopyAtMostAsync(request.Body, buffer, limit + 1, context.RequestAborted);
        if (copied > limit)
        {
            await DrainAsync(context);
            await RejectAsync(context, limit);
            return;
        }

        buffer.Position = 0;
        request.Body = buffer;
        await next(context);
    }

    private static bool ExpectsContinue(HttpRequest request) =>
        request.Headers.Expect.ToString().Contains("100-continue", StringComparison.OrdinalIgnoreCase);

    private static async Task<long> CopyAtMostAsync(Stream source, Stream target, long max, CancellationToken ct)
    {
        var chunk = new byte[ChunkBytes];
        long total = 0;
        while (total < max)
        {
            var read = await source.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, max - total)), ct);
            if (read == 0)
                break;
            await target.WriteAsync(chunk.AsMemory(0, read), ct);
            total += read;
        }

        return total;
    }

    /// <summary>Reads the rest of the body into one reused chunk. Past the drain limit Kestrel throws; the 413 still goes out.</summary>
    private static async Task DrainAsync(HttpContext context)
    {
        var chunk = new byte[ChunkBytes];
        try
        {
            while (await context.Request.Body.ReadAsync(chunk, context.RequestAborted) > 0)
            {
            }
        }
        catch (BadHttpRequestException)
        {
            // Larger than the drain limit: Kestrel will close the connection after the response.
        }
    }

    private static Task RejectAsync(HttpContext context, long limit) =>
        ApiProblems.WriteAsync(context, StatusCodes.Status413PayloadTooLarge,
            $"The request body is larger than {limit} bytes; REST requests are limited to {limit / 1024} KiB.");
}
