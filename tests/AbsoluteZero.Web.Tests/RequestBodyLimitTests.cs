using System.Net;
using System.Text;

namespace AbsoluteZero.Web.Tests;

/// <summary>Bodies over 1 MB get a clean 413 problem+json, however the client sends them.</summary>
[Collection(PlatformCollection.Name)]
public sealed class RequestBodyLimitTests(PlatformFixture platform)
{
    private const long FortyMegabytes = 40L * 1024 * 1024;

    [Fact]
    public async Task A_40_MB_body_sent_in_full_gets_413_not_a_dropped_connection()
    {
        using var client = platform.Client(platform.Researcher);
        var response = await client.PostAsync("/api/v1/runs", new FillerContent(FortyMegabytes, knownLength: true));
        var problem = await response.AssertProblemAsync(413);
        Assert.Contains("1048576", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_40_MB_chunked_body_gets_413()
    {
        using var client = platform.Client(platform.Researcher);
        await (await client.PostAsync("/api/v1/runs", new FillerContent(FortyMegabytes, knownLength: false))).AssertProblemAsync(413);
    }

    [Fact]
    public async Task A_client_waiting_for_100_continue_gets_413_without_sending_the_body()
    {
        using var client = platform.Client(platform.Researcher);
        var content = new FillerContent(FortyMegabytes, knownLength: true);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/runs") { Content = content };
        request.Headers.ExpectContinue = true;
        await (await client.SendAsync(request)).AssertProblemAsync(413);
        Assert.True(content.Sent < FortyMegabytes, $"the client sent {content.Sent} bytes although the server refused at once");
    }

    [Fact]
    public async Task A_body_just_over_1_MB_is_refused_and_one_just_under_is_read()
    {
        using var client = platform.Client(platform.Researcher);
        var over = $$"""{"kind":"train","preset":"tiny","notes":"{{new string('n', 1024 * 1024)}}"}""";
        await (await client.PostAsync("/api/v1/runs", new StringContent(over, Encoding.UTF8, "application/json"))).AssertProblemAsync(413);

        // Under the limit the body is parsed: its notes are too long for a run, and the answer says so.
        var under = $$"""{"kind":"train","preset":"tiny","notes":"{{new string('n', 1000 * 1000)}}"}""";
        await (await client.PostAsync("/api/v1/runs", new StringContent(under, Encoding.UTF8, "application/json"))).AssertFieldErrorAsync("notes");
    }

    [Fact]
    public async Task The_connection_stays_usable_after_a_413()
    {
        using var client = platform.Client(platform.Researcher);
        await (await client.PostAsync("/api/v1/runs", new FillerContent(2 * 1024 * 1024, knownLength: true))).AssertProblemAsync(413);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/runs")).StatusCode);
    }

    /// <summary>Streams <c>length</c> bytes of JSON-ish filler without holding them, counting what went out.</summary>
    private sealed class FillerContent : HttpContent
    {
        private readonly long length;
        private readonly bool knownLength;

        public FillerContent(long length, bool knownLength)
        {
            this.length = length;
            this.knownLength = knownLength;
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        public long Sent { get; private set; }

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            var chunk = Encoding.ASCII.GetBytes(new string('a', 64 * 1024));
            while (Sent < length)
            {
                var n = (int)Math.Min(chunk.Length, length - Sent);
                await stream.WriteAsync(chunk.AsMemory(0, n));
                Sent += n;
            }
        }

        protected override bool TryComputeLength(out long computed)
        {
            computed = length;
            return knownLength;
        }
    }
}
