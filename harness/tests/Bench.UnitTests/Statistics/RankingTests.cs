using Bench.Harness.Statistics;

namespace Bench.UnitTests.Statistics;

public class RankingTests
{
    [Fact]
    public void Names_the_backend_clearly_better_than_every_other()
    {
        var requestsPerSecond = new Dictionary<string, IReadOnlyList<double>>
        {
            ["python"] = [100, 105, 110],
            ["dotnet"] = [300, 310, 305],
            ["node"] = [200, 205, 210],
        };

        RankingResult ranking = Ranking.Rank(requestsPerSecond, higherIsBetter: true, 0.05, 0);

        Assert.Equal("dotnet", ranking.Winner);
        Assert.Equal("dotnet is clearly better than every other backend", ranking.Reason);
        Assert.Equal(["dotnet", "node", "python"], ranking.ByMedian);
        Assert.Equal(6, ranking.Pairwise.Count);
        Assert.Equal(("dotnet", "node"), (ranking.Pairwise[0].Current, ranking.Pairwise[0].Baseline));
        Assert.All(ranking.Pairwise.Where(p => p.Current == "python"), p => Assert.Equal(Verdict.Worse, p.Result.Verdict));
    }

    [Fact]
    public void Lowest_latency_wins_when_lower_is_better()
    {
        var p99Milliseconds = new Dictionary<string, IReadOnlyList<double>>
        {
            ["dotnet"] = [12, 13, 14],
            ["node"] = [8, 8.5, 9],
        };

        RankingResult ranking = Ranking.Rank(p99Milliseconds, higherIsBetter: false, 0.1, 0.5);

        Assert.Equal("node", ranking.Winner);
        Assert.Equal(["node", "dotnet"], ranking.ByMedian);
    }

    [Fact]
    public void No_clear_winner_when_the_leader_overlaps_the_runner_up()
    {
        var requestsPerSecond = new Dictionary<string, IReadOnlyList<double>>
        {
            ["dotnet"] = [300, 310, 250],
            ["node"] = [260, 270, 280],
            ["python"] = [100, 105, 110],
        };

        RankingResult ranking = Ranking.Rank(requestsPerSecond, higherIsBetter: true, 0.05, 0);

        Assert.Null(ranking.Winner);
        Assert.StartsWith("no clear winner: dotnet (best median) is not clearly better than node (Inconclusive:", ranking.Reason);
        Assert.Equal(Verdict.Better, ranking.Pairwise.Single(p => p is { Current: "node", Baseline: "python" }).Result.Verdict);
    }

    [Fact]
    public void One_trial_per_backend_never_names_a_winner()
    {
        var requestsPerSecond = new Dictionary<string, IReadOnlyList<double>>
        {
            ["dotnet"] = [900],
            ["node"] = [100],
        };

        RankingResult ranking = Ranking.Rank(requestsPerSecond, higherIsBetter: true, 0.05, 0);

        Assert.Null(ranking.Winner);
        Assert.EndsWith("(Inconclusive: one trial: no statistical test possible)", ranking.Reason);
    }

    [Fact]
    public void A_backend_without_trials_ranks_last_and_blocks_a_winner()
    {
        var requestsPerSecond = new Dictionary<string, IReadOnlyList<double>>
        {
            ["crashed"] = [],
            ["dotnet"] = [300, 310, 305],
            ["node"] = [200, 205, 210],
        };

        RankingResult ranking = Ranking.Rank(requestsPerSecond, higherIsBetter: true, 0.05, 0);

        Assert.Null(ranking.Winner);
        Assert.Equal(["dotnet", "node", "crashed"], ranking.ByMedian);
    }

    [Fact]
    public void A_single_backend_has_nothing_to_rank()
    {
        RankingResult ranking = Ranking.Rank(
            new Dictionary<string, IReadOnlyList<double>> { ["dotnet"] = [1, 2, 3] }, higherIsBetter: true, 0.05, 0);

        Assert.Null(ranking.Winner);
        Assert.Equal("fewer than two backends: nothing to rank", ranking.Reason);
        Assert.Empty(ranking.Pairwise);
    }
}
