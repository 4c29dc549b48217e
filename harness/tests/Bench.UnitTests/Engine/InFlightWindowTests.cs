using Bench.Load.Clients;

namespace Bench.UnitTests.Engine;

public sealed class InFlightWindowTests
{
    [Fact]
    public void Acks_arriving_out_of_order_each_find_their_own_send()
    {
        var window = new InFlightWindow(4);
        window.TryAdd(1, intended: 100, sentAt: 101);
        window.TryAdd(2, intended: 200, sentAt: 202);
        window.TryAdd(3, intended: 300, sentAt: 303);

        Assert.True(window.TryTake(3, out long intended3, out long sent3));
        Assert.True(window.TryTake(1, out long intended1, out long sent1));

        Assert.Equal((300, 303), (intended3, sent3));
        Assert.Equal((100, 101), (intended1, sent1));
        Assert.Equal(1, window.Count);
    }

    [Fact]
    public void An_unknown_or_repeated_seq_matches_nothing()
    {
        var window = new InFlightWindow(2);
        window.TryAdd(7, 70, 71);

        Assert.False(window.TryTake(8, out _, out _));
        Assert.True(window.TryTake(7, out _, out _));
        Assert.False(window.TryTake(7, out _, out _));
    }

    [Fact]
    public void A_full_window_refuses_the_next_send_until_one_is_answered()
    {
        var window = new InFlightWindow(2);

        Assert.True(window.TryAdd(1, 10, 10));
        Assert.True(window.TryAdd(2, 20, 20));
        Assert.False(window.TryAdd(3, 30, 30));
        Assert.True(window.TryTake(1, out _, out _));
        Assert.True(window.TryAdd(3, 30, 30));
    }

    [Fact]
    public void Expiry_takes_only_sends_older_than_the_deadline_oldest_first()
    {
        var window = new InFlightWindow(4);
        window.TryAdd(1, 10, sentAt: 500);
        window.TryAdd(2, 20, sentAt: 100);
        window.TryAdd(3, 30, sentAt: 900);

        Assert.True(window.TryTakeSentBefore(600, out long first, out _));
        Assert.True(window.TryTakeSentBefore(600, out long second, out _));
        Assert.False(window.TryTakeSentBefore(600, out _, out _));

        Assert.Equal((20, 10), (first, second));
        Assert.True(window.TryTakeOldest(out long last, out _));
        Assert.Equal(30, last);
    }
}
