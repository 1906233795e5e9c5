namespace AiGO.Domain.Organisers;

/// <summary>開課單位 / 培訓中心 — a training provider.</summary>
public class Organiser
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>統一編號, 8 ASCII digits with a valid check digit; null for an organiser recorded before it was asked.</summary>
    public string? BusinessNumber { get; set; }
    public string ContactName { get; set; } = "";
    public string ContactPhone { get; set; } = "";
    public string ContactEmail { get; set; } = "";
    public bool IsActive { get; set; } = true;
}
