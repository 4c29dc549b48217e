using Bench.Backend.Tests.Support;

namespace Bench.Backend.Tests.EndToEnd;

/// <summary>One backend process shared by the end-to-end tests of a collection.</summary>
public sealed class BackendFixture : IAsyncLifetime
{
    private BackendProcess? _backend;

    internal BackendProcess Backend => _backend ?? throw new InvalidOperationException("the backend is not started");

    public HttpClient Http { get; private set; } = new();

    public async Task InitializeAsync()
    {
        _backend = await BackendProcess.StartAsync();
        Http = new HttpClient { BaseAddress = _backend.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_backend is not null)
            await _backend.DisposeAsync();
    }
}

/// <summary>Tests that start processes run one at a time, so they never compete for the two cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BackendProcessCollection : ICollectionFixture<BackendFixture>
{
    public const string Name = "backend process";
}
