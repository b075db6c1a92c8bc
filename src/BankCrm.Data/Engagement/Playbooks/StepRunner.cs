using BankCrm.Core.Engagement.Playbooks;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BankCrm.Data.Engagement.Playbooks;

/// <summary>Batch size and lease of the step executor (configuration section <c>Playbooks</c>).</summary>
public sealed record StepRunnerSettings
{
    public int BatchSize { get; init; } = 200;

    public int MaxBatchesPerRun { get; init; } = 50;

    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Enrolments of a batch run side by side on PostgreSQL (each on its own connection); SQLite has one writer, so one.</summary>
    public int Parallelism { get; init; } = 4;
}

/// <summary>
/// Runs the due steps of active enrolments. Enrolments are claimed in batches under a lease (<see cref="EnrolmentLeases"/>);
/// each step runs in one transaction with its effect (message or task, keyed by enrolment and step), its
/// <see cref="EnrolmentStep"/> row and the enrolment's advance, guarded by the enrolment's version: a node whose lease
/// was taken over cannot commit, and a step run again after a crash finds its message or task already there.
/// </summary>
public sealed class StepRunner(CrmDbContextFactory factory, StepRunnerSettings settings, ILogger<StepRunner>? logger = null, string? node = null)
{
    /// <summary>Steps of one enrolment run back to back in one claim at most (branches only go forward, so this only bounds work).</summary>
    private const int MaxStepsPerClaim = 25;

    private readonly ILogger logger = logger ?? NullLogger<StepRunner>.Instance;

    /// <summary>This node's name on the leases it takes.</summary>
    public string Owner { get; } = node ?? $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Runs everything due at <paramref name="now"/>; returns the number of steps executed.</summary>
    public async Task<int> RunDueAsync(DateTime now, CancellationToken cancellationToken)
    {
        var playbooks = new PlaybookCache(factory);
        var executed = 0;
        for (var batch = 0; batch < settings.MaxBatchesPerRun; batch++)
        {
            IReadOnlyList<long> claimed;
            await using (var db = factory.CreateDbContext())
            {
                claimed = await EnrolmentLeases.ClaimAsync(db, Owner, now, settings.Lease, settings.BatchSize, cancellationToken);
            }

            if (claimed.Count == 0)
            {
                break;
            }

            var parallel = new ParallelOptions
            {
                MaxDegreeOfParallelism = factory.Options.Provider == DatabaseProvider.Postgres ? Math.Max(1, settings.Parallelism) : 1,
                CancellationToken = cancellationToken,
            };
            await Parallel.ForEachAsync(claimed, parallel, async (id, token) =>
                Interlocked.Add(ref executed, await RunEnrolmentAsync(id, now, playbooks, token)));
        }

        return executed;
    }

    private async Task<int> RunEnrolmentAsync(long enrolmentId, DateTime now, PlaybookCache playbooks, CancellationToken cancellationToken)
    {
        var executed = 0;
        for (var i = 0; i < MaxStepsPerClaim; i++)
        {
            StepResult result;
            try
            {
                result = await RunStepAsync(enrolmentId, now, playbooks, cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                logger.LogInformation("Enrolment {EnrolmentId}: another node took over the lease; its step was rolled back here", enrolmentId);
                return executed;
            }
            catch (Exception failure) when (failure is ArgumentException or FormatException or System.Text.Json.JsonException)
            {
                // The step itself cannot work (a template or definition that no longer renders): running it again would fail again.
                logger.LogError(failure, "Enrolment {EnrolmentId} failed", enrolmentId);
                await FailAsync(enrolmentId, failure.Message, now, cancellationToken);
                return executed;
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                // Anything else (a lost connection, a timeout) is retried: the lease expires and a node runs the step again.
                logger.LogWarning(failure, "Enrolment {EnrolmentId}: step not run, retried when its lease expires", enrolmentId);
                return executed;
            }

            executed += result.Executed ? 1 : 0;
            if (!result.GoOn)
            {
                break;
            }
        }

        return executed;
    }

    private async Task<StepResult> RunStepAsync(long enrolmentId, DateTime now, PlaybookCache playbooks, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var enrolment = await db.Enrolments.SingleOrDefaultAsync(e => e.Id == enrolmentId && e.LeaseOwner == Owner && e.Status == EnrolmentStatus.Active, cancellationToken);
        if (enrolment is null)
        {
            return StepResult.Stop;
        }

        var (playbook, definition, problem) = await playbooks.GetAsync(enrolment.PlaybookId, cancellationToken);
        var executed = false;
        if (definition is null)
        {
            Finish(enrolment, EnrolmentStatus.Failed, now, "策略定义无效：" + problem);
        }
        else if (enrolment.NextStepAt > now)
        {
            EnrolmentLeases.Release(enrolment);
        }
        else if (ExitCheck.Reason(definition.ExitRules, await JourneyFacts.ExitAsync(db, enrolment, definition.ExitRules, now, cancellationToken)) is { } exit)
        {
            Finish(enrolment, EnrolmentStatus.Exited, now, exit);
        }
        else
        {
            executed = await AdvanceAsync(db, playbook!, definition, enrolment, now, cancellationToken);
        }

        enrolment.Version++;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new StepResult(executed, enrolment.LeaseOwner == Owner);
    }

    /// <summary>Decides and runs the enrolment's next step; false when nothing was executed (a branch waiting for a reply).</summary>
    private static async Task<bool> AdvanceAsync(CrmDbContext db, Playbook playbook, PlaybookDefinition definition, Enrolment enrolment, DateTime now, CancellationToken cancellationToken)
    {
        var steps = definition.Steps;
        var facts = enrolment.NextStep < steps.Count && steps[enrolment.NextStep].Kind == StepKind.BranchOnResponse
            ? await JourneyFacts.BranchAsync(db, enrolment.Id, now, cancellationToken)
            : new StepFacts(now, null, false);
        var decision = StepMachine.Decide(steps, enrolment.NextStep, facts);
        if (decision.Action is StepAction.Complete or StepAction.Hold)
        {
            if (decision.Action == StepAction.Complete)
            {
                Finish(enrolment, EnrolmentStatus.Completed, now, null);
            }
            else
            {
                enrolment.NextStepAt = decision.NextStepAt;
                EnrolmentLeases.Release(enrolment);
            }

            return false;
        }

        var step = steps[decision.StepIndex];
        var result = decision.Action switch
        {
            StepAction.SendMessage => await StepEffects.SendAsync(db, playbook, step, enrolment, decision.StepIndex, now, cancellationToken),
            StepAction.CreateTask => await StepEffects.CreateTaskAsync(db, playbook, definition, step, enrolment, decision.StepIndex, now, cancellationToken),
            _ => decision.Note,
        };
        db.EnrolmentSteps.Add(new EnrolmentStep
        {
            EnrolmentId = enrolment.Id,
            CustomerId = enrolment.CustomerId,
            StepIndex = decision.StepIndex,
            Kind = step.Kind,
            ExecutedAt = now,
            Result = result.Length > 500 ? result[..500] : result,
        });
        enrolment.NextStep = decision.NextStep;
        enrolment.NextStepAt = decision.NextStepAt;
        if (decision.Ends(steps.Count))
        {
            // An Exit step is the designed end of a path, so the journey is complete; Exited is for the exit rules.
            Finish(enrolment, EnrolmentStatus.Completed, now, null);
        }
        else if (decision.NextStepAt > now)
        {
            EnrolmentLeases.Release(enrolment);
        }

        return true;
    }

    private async Task FailAsync(long enrolmentId, string reason, DateTime now, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var enrolment = await db.Enrolments.SingleOrDefaultAsync(e => e.Id == enrolmentId && e.LeaseOwner == Owner && e.Status == EnrolmentStatus.Active, cancellationToken);
        if (enrolment is not null)
        {
            Finish(enrolment, EnrolmentStatus.Failed, now, reason.Length > 450 ? reason[..450] : reason);
            enrolment.Version++;
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private static void Finish(Enrolment enrolment, EnrolmentStatus status, DateTime now, string? reason)
    {
        enrolment.Status = status;
        enrolment.FinishedAt = now;
        enrolment.ExitReason = reason;
        EnrolmentLeases.Release(enrolment);
    }

    private readonly record struct StepResult(bool Executed, bool GoOn)
    {
        public static StepResult Stop => new(false, false);
    }
}
