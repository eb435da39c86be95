package io.switchboard.inbox;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Sends an agent's message to a contact through the platform a conversation is on. One sender per
 * connected channel; {@link Channels} finds it.
 */
public interface OutboundSender {

    /**
     * Sends {@code text}. {@code messageId} is Switchboard's id for the message: platforms that accept
     * an idempotency key get it, so a retried send is delivered once.
     *
     * @throws SendFailed when the platform refused the message or could not be reached
     */
    Sent send(String recipientId, String text, String messageId);

    /**
     * Sends a question with its answers as the platform's buttons or quick replies, where it has them.
     * {@code text} is the question with its answers listed, for platforms that have none: the default.
     */
    default Sent send(String recipientId, String text, Choices choices, String messageId) {
        return send(recipientId, text, messageId);
    }

    /**
     * Sends a workflow's message: text, media, a template or a tagged message. A platform overrides this
     * for the kinds it has; here every kind it lacks gets the documented fallback (media as its caption
     * and link), and a template, which only WhatsApp has, is refused with a reason.
     */
    default Sent send(String recipientId, OutgoingContent content, String messageId) {
        if (content instanceof OutgoingContent.Media media) {
            return send(recipientId, media.asText(), messageId);
        }
        if (content instanceof OutgoingContent.Tagged tagged) {
            return send(recipientId, tagged.message(), messageId);
        }
        if (content instanceof OutgoingContent.Template template) {
            throw new SendFailed(422, "template_not_supported",
                    "message templates are WhatsApp's; this channel cannot send template " + template.name());
        }
        return send(recipientId, content.recorded(), messageId);
    }

    /**
     * How long after the contact's last message the platform accepts free-form messages (WhatsApp's
     * customer-service window, Messenger's standard messaging window); empty when it has no such limit.
     */
    default Optional<Duration> replyWindow() {
        return Optional.empty();
    }

    /** A question and the answers a contact may tap instead of typing. */
    record Choices(String question, List<String> options) {
    }

    /** The platform's id for the message it accepted (null when the platform returns none). */
    record Sent(String platformMessageId) {
    }

    /** Finds the sender of a channel; empty for channels that do not send (the custom channel). */
    interface Channels {
        Optional<OutboundSender> forChannel(String workspaceId, String channelId);

        /** The channel's type as documents name it ({@code whatsapp}, {@code custom}); empty when unknown. */
        default Optional<String> typeOf(String workspaceId, String channelId) {
            return Optional.empty();
        }
    }

    /**
     * A send the platform refused or that could not be made. {@code status} is the HTTP status to
     * report to the caller: 422 when the message cannot be sent as it is (outside the messaging
     * window, contact blocked or unsubscribed), 502 when the platform failed or rejected the channel's
     * credentials. {@code code} is a stable name for the reason.
     */
    class SendFailed extends RuntimeException {
        private final int status;
        private final String code;

        public SendFailed(int status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }

        public int status() {
            return status;
        }

        public String code() {
            return code;
        }
    }
}
