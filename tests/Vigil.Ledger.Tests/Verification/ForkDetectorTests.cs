using Vigil.Ledger.Checkpoints;
using Vigil.Ledger.Errors;
using Vigil.Ledger.Log;
using Vigil.Ledger.Storage;
using Vigil.Ledger.Tests.Support;
using Vigil.Ledger.Verification;

namespace Vigil.Ledger.Tests.Verification;

public sealed class ForkDetectorTests
{
    [Fact]
    public async Task Two_checkpoints_of_one_history_are_consistent_in_either_order()
    {
        using var key = TestLogs.LogKey();
        using var log = new TransparencyLog(new InMemoryLogStore(), key);
        await log.AppendAsync(TestEvents.Entries(0, 40));
        var small = Checkpoint.Parse((await log.SignCheckpointAsync()).Text);
        await log.AppendAsync(TestEvents.Entries(40, 333));
        var large = Checkpoint.Parse((await log.SignCheckpointAsync()).Text);
        var proof = (await log.GetConsistencyProofAsync(40, 333)).Hashes.ToArray();
        ForkDetector.EnsureConsistent(small, large, proof);
        ForkDetector.EnsureConsistent(large, small, proof);
        ForkDetector.EnsureConsistent(large, large, []);
    }

    [Fact]
    public async Task Two_histories_shown_by_one_log_are_a_fork()
    {
        using var key = TestLogs.LogKey();
        using var honest = new TransparencyLog(new InMemoryLogStore(), key);
        using var forked = new TransparencyLog(new InMemoryLogStore(), key);
        await honest.AppendAsync(TestEvents.Entries(0, 333));
        var rewritten = TestEvents.Entries(0, 333);
        rewritten[7] = TestEvents.Entry(1_000_007);
        await forked.AppendAsync(rewritten);
        var a = Checkpoint.Parse((await honest.SignCheckpointAsync()).Text);
        var b = Checkpoint.Parse((await forked.SignCheckpointAsync()).Text);
        var sameSize = Assert.Throws<LedgerException>(() => ForkDetector.EnsureConsistent(a, b, []));
        Assert.Equal(LedgerFailure.Fork, sameSize.Failure);

        await forked.AppendAsync(TestEvents.Entries(333, 400));
        var later = Checkpoint.Parse((await forked.SignCheckpointAsync()).Text);
        var proof = (await forked.GetConsistencyProofAsync(333, 400)).Hashes.ToArray();
        var grown = Assert.Throws<LedgerException>(() => ForkDetector.EnsureConsistent(a, later, proof));
        Assert.Equal(LedgerFailure.Fork, grown.Failure);
    }
}
