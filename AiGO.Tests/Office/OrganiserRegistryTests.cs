using AiGO.Domain.Common;
using AiGO.Domain.Data;
using AiGO.Domain.Organisers;
using AiGO.Tests.Applications;
using AiGO.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Tests.Office;

/// <summary>開課單位 accounts: the register checks 統一編號 and contact details once, and every change is audited.</summary>
public class OrganiserRegistryTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_new_organiser_is_checked_field_by_field_stored_in_canonical_form_and_audited(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var registry = kit.Get<OrganiserRegistry>();

        var wrong = await registry.SaveAsync(TestData.Office, null, new OrganiserInput(" ", "04231911", "", "02-6631", "not-mail"));
        Assert.Equal(OutcomeKind.Invalid, wrong.Kind);
        Assert.Equal(["Name", "BusinessNumber", "ContactName", "ContactPhone", "ContactEmail"], wrong.Errors.Select(e => e.Field));
        Assert.Equal("統一編號檢查碼錯誤，請確認是否輸入正確", wrong.Errors[1].Message);

        var created = await registry.SaveAsync(TestData.Office, null, new OrganiserInput("國立雲林科技大學", "０４２３ １９１０", "張主任", "05 5342601", "train@yuntech.example.tw"));
        Assert.True(created.Succeeded, created.Message);
        await using (var db = kit.Db())
        {
            var stored = await db.Organisers.SingleAsync(o => o.Id == created.Value);
            Assert.Equal(("04231910", "055342601"), (stored.BusinessNumber, stored.ContactPhone));
            Assert.Equal("新增開課單位「國立雲林科技大學」（統一編號 04231910）",
                (await db.AuditLog.SingleAsync(e => e.Action == "organiser.create")).Details);
        }

        var twice = await registry.SaveAsync(TestData.Office, null, new OrganiserInput("另一個單位", "04231910", "王先生", "0212345678", "a@example.tw"));
        Assert.Equal(("BusinessNumber", "此統一編號已登錄於其他開課單位"), (twice.Errors.Single().Field, twice.Errors.Single().Message));
        var list = (await registry.ListAsync(TestData.Office)).Value!;
        Assert.Contains(list, e => e.Organiser.Name == "國立雲林科技大學" && e.Staff.Count == 0);
    }
}
