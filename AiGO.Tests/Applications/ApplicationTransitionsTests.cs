using System.Text.RegularExpressions;
using AiGO.Domain.Applications;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using AiGO.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Tests.Applications;

/// <summary>
/// The table of legal moves (SPEC §5) is the only way a status changes: every (from, to, kind of actor) triple is
/// tried through the real unit of work, and exactly the moves the table lists go through.
/// </summary>
public class ApplicationTransitionsTests
{
    private static readonly ApplicationStatus[] Statuses = Enum.GetValues<ApplicationStatus>();
    private static readonly ActorKind[] Kinds = [ActorKind.Member, ActorKind.Organiser, ActorKind.Office, ActorKind.System];

    /// <summary>Lets every actor through, so what decides is the transition table alone.</summary>
    private static readonly Permission<ApplicationParties> Anyone = new("test.anyone", (_, _) => true, "");

    private const string Action = "test.move";

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Each_kind_of_actor_makes_exactly_the_moves_in_the_table_and_a_refused_move_writes_nothing(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var member = await kit.MemberAsync();
        // A month ahead: the course has not ended, so no completion is decided after the move.
        var course = await kit.CourseAsync("狀態轉換", kit.Today.AddDays(30));
        var triples = (from f in Statuses from t in Statuses from k in Kinds select (From: f, To: t, Kind: k)).ToList();

        // One application per triple, placed directly in its starting status.
        var ids = new int[triples.Count];
        await using (var db = kit.Db())
        {
            var tracked = await db.Courses.Include(c => c.Organiser).SingleAsync(c => c.Id == course.Id);
            var apps = triples.Select(t => TestData.Application(tracked, member, t.From, 0)).ToList();
            db.Applications.AddRange(apps);
            await db.SaveChangesAsync();
            for (var i = 0; i < apps.Count; i++) ids[i] = apps[i].Id;
        }

        var actors = new Dictionary<ActorKind, Actor>
        {
            [ActorKind.Member] = TestData.MemberActor(member),
            [ActorKind.Organiser] = TestData.OrganiserActor(course.OrganiserId),
            [ActorKind.Office] = TestData.Office,
            [ActorKind.System] = Actor.System,
        };

        var outcomes = new Outcome[triples.Count];
        for (var i = 0; i < triples.Count; i++)
        {
            var (_, to, kind) = triples[i];
            outcomes[i] = await kit.Work.OnApplicationAsync(actors[kind], ids[i], Anyone, Action, (s, app) =>
            {
                if (kind == ActorKind.System) s.MoveAsSystem(app, to, "test");
                else s.Move(app, to, "test");
                return (Outcome?)null;
            });
        }

        // What the database holds afterwards, read once for every triple.
        Dictionary<int, ApplicationStatus> statuses;
        ILookup<int, (ApplicationStatus? From, ApplicationStatus To, string? ActorId)> history;
        ILookup<string, string> audit;
        int outbox;
        await using (var db = kit.Db())
        {
            statuses = await db.Applications.Where(a => a.CourseId == course.Id).ToDictionaryAsync(a => a.Id, a => a.Status);
            history = (await db.StatusChanges.Select(c => new { c.ApplicationId, c.From, c.To, c.ActorId }).ToListAsync())
                .ToLookup(c => c.ApplicationId, c => (c.From, c.To, c.ActorId));
            audit = (await db.AuditLog.Where(a => a.EntityType == "Application").Select(a => new { a.EntityId, a.Action }).ToListAsync())
                .ToLookup(a => a.EntityId, a => a.Action);
            outbox = await db.Outbox.CountAsync();
        }
        var published = kit.Notifier.Applications.ToHashSet();

        var failures = new List<string>();
        var legalCount = 0;
        for (var i = 0; i < triples.Count; i++)
        {
            var (from, to, kind) = triples[i];
            var (id, outcome) = (ids[i], outcomes[i]);
            var name = $"{from} → {to} by {kind}";
            var moves = history[id].ToList();
            var audited = audit[id.ToString()].ToList();
            if (ApplicationTransitions.Allows(from, to, kind))
            {
                legalCount++;
                if (!outcome.Succeeded) failures.Add($"{name}: legal, but {outcome.Kind}: {outcome.Message}");
                if (statuses[id] != to) failures.Add($"{name}: legal, but the application is {statuses[id]}");
                if (moves.Count != 1 || moves[0].From != from || moves[0].To != to || moves[0].ActorId != actors[kind].Id)
                    failures.Add($"{name}: legal, but the history holds [{string.Join(", ", moves)}]");
                // The member's own moves are in the history; a staff or system move is audited as well.
                var expectedAudit = kind == ActorKind.Member ? 0 : 1;
                if (audited.Count != expectedAudit || audited.Any(a => a != Action))
                    failures.Add($"{name}: legal, expected {expectedAudit} audit row(s), found [{string.Join(", ", audited)}]");
                if (!published.Contains(id)) failures.Add($"{name}: legal, but open pages were not told");
            }
            else
            {
                if (outcome.Kind != OutcomeKind.Conflict) failures.Add($"{name}: expected Conflict, got {outcome.Kind}: {outcome.Message}");
                var message = outcome.Message;
                if (!Regex.IsMatch(message, @"\p{IsCJKUnifiedIdeographs}")) failures.Add($"{name}: the refusal is not in Chinese: \"{message}\"");
                if (!message.Contains($"「{from.Label()}」") || !message.Contains($"「{to.Label()}」"))
                    failures.Add($"{name}: the refusal does not name 「{from.Label()}」 and 「{to.Label()}」: \"{message}\"");
                // A move someone else may make is refused as a matter of permission; any other as impossible.
                var someoneElses = ApplicationTransitions.Legal.Any(t => t.From == from && t.To == to);
                if (someoneElses != message.Contains("沒有權限"))
                    failures.Add($"{name}: the refusal should {(someoneElses ? "" : "not ")}speak of permission: \"{message}\"");
                if (statuses[id] != from) failures.Add($"{name}: refused, but the application is now {statuses[id]}");
                if (moves.Count != 0) failures.Add($"{name}: refused, but {moves.Count} history row(s) were written");
                if (audited.Count != 0) failures.Add($"{name}: refused, but {audited.Count} audit row(s) were written");
                if (published.Contains(id)) failures.Add($"{name}: refused, but open pages were told of a change");
            }
        }
        if (outbox != 0) failures.Add($"no move writes mail, but the outbox holds {outbox} message(s)");
        if (kit.Mail.Count != 0) failures.Add($"no move writes mail, but the mail sender was woken {kit.Mail.Count} time(s)");

        Assert.Equal(Statuses.Length * Statuses.Length * Kinds.Length, triples.Count);
        Assert.Equal(ApplicationTransitions.Legal.Sum(t => Kinds.Count(k => (t.By & k) != 0)), legalCount);
        if (failures.Count > 0)
            Assert.Fail($"{failures.Count} of {triples.Count} moves went wrong:\n" + string.Join("\n", failures));
    }

    [Fact]
    public void The_table_lists_each_move_once_and_leads_to_every_status_but_draft()
    {
        var duplicates = ApplicationTransitions.Legal.GroupBy(t => (t.From, t.To)).Where(g => g.Count() > 1).Select(g => $"{g.Key.From} → {g.Key.To}").ToList();
        Assert.True(duplicates.Count == 0, "Listed more than once (merge the actor kinds into one row): " + string.Join(", ", duplicates));

        Assert.All(ApplicationTransitions.Legal, t =>
        {
            Assert.NotEqual(t.From, t.To);
            Assert.NotEqual(ActorKind.None, t.By);
        });

        var reachable = ApplicationTransitions.Legal.Select(t => t.To).ToHashSet();
        Assert.DoesNotContain(ApplicationStatus.Draft, reachable);
        var unreachable = Statuses.Where(s => s != ApplicationStatus.Draft && !reachable.Contains(s)).ToList();
        Assert.True(unreachable.Count == 0, "No move leads to: " + string.Join(", ", unreachable));
    }
}
