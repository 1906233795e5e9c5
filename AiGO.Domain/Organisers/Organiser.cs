namespace AiGO.Domain.Organisers;

/// <summary>開課單位 / 培訓中心 — a training provider.</summary>
public class Organiser
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string ContactName { get; set; } = "";
    public string ContactPhone { get; set; } = "";
    public string ContactEmail { get; set; } = "";
    public bool IsActive { get; set; } = true;
}
