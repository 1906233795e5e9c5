namespace AiGO.Domain.Common;

/// <summary>
/// A named rule of who may act on what (<typeparamref name="T"/> is what it looks at: an application's parties, a
/// course, a member). Services ask one before they lock or change anything; pages ask the same one to show a button.
/// </summary>
public sealed record Permission<T>(string Name, Func<Actor, T, bool> Allows, string Refusal)
{
    /// <summary>Null when <paramref name="actor"/> may act; otherwise the refusal, which asks a visitor to sign in first.</summary>
    public Outcome? Deny(Actor actor, T target) =>
        Allows(actor, target) ? null : Outcome.Forbidden(actor.IsSignedIn || actor.IsSystem ? Refusal : "請先登入");
}
