using Xunit.Abstractions;

namespace AiGO.Tests.Hostile;

/// <summary>
/// The hostile-input suite: every form's rule against control and invisible characters, overlong text, HTML and
/// script, SQL metacharacters, formula starts, emoji and edge identifiers. Each is refused with a Chinese message or
/// accepted as inert text (identifiers in canonical ASCII digits). Rendering escaped and nothing saved lost are proven
/// by <see cref="HostileRenderingTests"/> and <see cref="HostileSaveTests"/>.
/// </summary>
public class HostileInputTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(HostileSuite.Ids), MemberType = typeof(HostileSuite))]
    public void Each_hostile_input_is_refused_in_chinese_or_kept_as_inert_text(string id)
    {
        var c = HostileSuite.All[id];
        var message = c.Check(c.Input);
        if (c.Expect == Expect.Refused)
        {
            Assert.True(message is not null, $"{id}: accepted, but it must be refused");
            Assert.Matches(HostileSuite.Chinese(), message);
        }
        else
        {
            Assert.True(message is null, $"{id}: refused with 「{message}」, but it must be accepted");
            if (c.Stored is { } stored) Assert.Equal(c.Canonical, stored(c.Input));
        }
    }

    [Fact]
    public void The_suite_counts_its_cases_across_every_form()
    {
        var byForm = HostileSuite.All.Values.GroupBy(c => c.Form).ToDictionary(g => g.Key, g => g.Count());
        var line = $"Hostile-input suite: {HostileSuite.All.Count} cases ({string.Join("，", byForm.Select(f => $"{f.Key} {f.Value}"))})";
        output.WriteLine(line);
        Console.WriteLine(line);
        Assert.True(HostileSuite.All.Count >= 200, line);
        Assert.Superset(new HashSet<string> { "會員註冊", "帳號管理", "學員選課", "課程編輯", "課程問卷", "上傳學習積分", "匯入學員" }, byForm.Keys.ToHashSet());
    }
}
