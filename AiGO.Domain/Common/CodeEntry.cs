namespace AiGO.Domain.Common;

/// <summary>A row of a code table (SPEC §10). A code in use is retired, never deleted.</summary>
public class CodeEntry
{
    public int Id { get; set; }
    public CodeTableKind Table { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>For an industry division, the letter of its section.</summary>
    public string? ParentCode { get; set; }
    public int SortOrder { get; set; }
    public bool IsRetired { get; set; }
}
