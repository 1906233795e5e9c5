using AiGO.Domain.Common;

namespace AiGO.Domain.Accounts;

/// <summary>
/// Seals a profile's national ID for storage (cipher, keyed hash, mask) and computes the keyed hash for a look-up.
/// The keys are the web layer's, so it implements this; the domain asks it when it stores a profile it did not
/// read from a member's own form (an organiser's import).
/// </summary>
public interface INationalIdSealer
{
    void Seal(MemberProfile profile);

    string Hash(NationalId id);
}
