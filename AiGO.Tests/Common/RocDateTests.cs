using AiGO.Domain.Common;

namespace AiGO.Tests.Common;

public class RocDateTests
{
    [Theory]
    [InlineData(2023, 5, 19, "中華民國112年05月19日")]
    [InlineData(2024, 12, 31, "中華民國113年12月31日")]
    [InlineData(1912, 1, 1, "中華民國1年01月01日")]
    public void Format(int year, int month, int day, string expected)
    {
        Assert.Equal(expected, RocDate.Format(new DateOnly(year, month, day)));
    }

    [Fact]
    public void FormatShort_has_no_prefix()
    {
        Assert.Equal("112年05月19日", RocDate.FormatShort(new DateOnly(2023, 5, 19)));
    }

    [Theory]
    [InlineData(2023, 112)]
    [InlineData(1912, 1)]
    public void RocYear_is_gregorian_minus_1911(int year, int expected)
    {
        Assert.Equal(expected, RocDate.RocYear(new DateOnly(year, 6, 1)));
    }

    [Fact]
    public void Dates_before_1912_are_rejected()
    {
        var date = new DateOnly(1911, 12, 31);

        Assert.Throws<ArgumentOutOfRangeException>(() => RocDate.RocYear(date));
        Assert.Throws<ArgumentOutOfRangeException>(() => RocDate.Format(date));
    }
}
