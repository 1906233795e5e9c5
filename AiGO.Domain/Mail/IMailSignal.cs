namespace AiGO.Domain.Mail;

/// <summary>Wakes the outbox sender after a commit that wrote mail, instead of waiting for its next poll.</summary>
public interface IMailSignal
{
    void Notify();
}
