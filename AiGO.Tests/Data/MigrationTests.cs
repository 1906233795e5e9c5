using AiGO.Domain.Common;
using AiGO.Domain.Data;
using AiGO.Tests.Infrastructure;
using AiGO.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Tests.Data;

public class MigrationTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Migrations_apply_to_an_empty_database_and_the_code_tables_seed(DatabaseProvider provider)
    {
        await using var database = await (await TestDatabases.CreateEmptyAsync(provider)).MigrateAsync();
        await using var db = database.CreateContext();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        await DatabaseInitializer.SeedCodeTablesAsync(db);
        await DatabaseInitializer.SeedCodeTablesAsync(db); // a second start adds nothing

        Assert.Equal(CodeTableSeed.All.Count, await db.Codes.CountAsync());
        var industryC = await db.Codes.Where(c => c.Table == CodeTableKind.IndustryDivision && c.ParentCode == "C").CountAsync();
        Assert.Equal(27, industryC);
        Assert.Equal("資訊服務業", (await db.Codes.SingleAsync(c => c.Table == CodeTableKind.IndustryDivision && c.Code == "63")).Name);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void The_model_has_no_changes_without_a_migration(DatabaseProvider provider)
    {
        // No connection is opened: the model is compared with the provider's last migration snapshot.
        using var db = DatabaseSetup.Create(provider, provider == DatabaseProvider.Sqlite ? "Data Source=:memory:" : "Host=localhost;Database=none");
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model changed without a migration for {provider}: run dotnet ef migrations add <Name> --project AiGO.Domain --context {db.GetType().Name} --output-dir Data/Migrations/{provider}");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_fee_split_is_enforced_by_the_database_too(DatabaseProvider provider)
    {
        await using var database = await (await TestDatabases.CreateEmptyAsync(provider)).MigrateAsync();
        await using var db = database.CreateContext();
        var organiser = new Domain.Organisers.Organiser { Name = "測試單位" };
        db.Organisers.Add(organiser);
        db.Courses.Add(new Domain.Catalogue.Course
        {
            Organiser = organiser, Name = "費用不合", StartDate = new(2030, 1, 1), EndDate = new(2030, 1, 2), Hours = 6,
            TotalFee = 10000, TraineeShare = 5000, GovernmentShare = 6000, PlannedSeats = 10,
        });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }
}
