package io.switchboard.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.inbox.OutboundSender;
import io.switchboard.inbox.OutgoingContent;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Counts every message sent to a platform, by platform and outcome, around the real senders. */
public final class MeteredSenders implements OutboundSender.Channels {

    private final OutboundSender.Channels senders;
    private final MeterRegistry registry;

    public MeteredSenders(OutboundSender.Channels senders, MeterRegistry registry) {
        this.senders = senders;
        this.registry = registry;
    }

    @Override
    public Optional<OutboundSender> forChannel(String workspaceId, String channelId) {
        return senders.forChannel(workspaceId, channelId).map(this::metered);
    }

    @Override
    public Optional<String> typeOf(String workspaceId, String channelId) {
        return senders.typeOf(workspaceId, channelId);
    }

    private OutboundSender metered(OutboundSender sender) {
        String platform = platform(sender);
        return new OutboundSender() {
            @Override
            public Sent send(String recipientId, String text, String messageId) {
                return counted(platform, () -> sender.send(recipientId, text, messageId));
            }

            @Override
            public Sent send(String recipientId, String text, Choices choices, String messageId) {
                return counted(platform, () -> sender.send(recipientId, text, choices, messageId));
            }

            @Override
            public Sent send(String recipientId, OutgoingContent content, String messageId) {
                return counted(platform, () -> sender.send(recipientId, content, messageId));
            }

            @Override
            public Optional<Duration> replyWindow() {
                return sender.replyWindow();
            }
        };
    }

    private OutboundSender.Sent counted(String platform, Supplier<OutboundSender.Sent> send) {
        try {
            OutboundSender.Sent sent = send.get();
            count(platform, "sent", "none");
            return sent;
        } catch (OutboundSender.SendFailed e) {
            // the failure's code is one of a few stable reasons (window_closed, platform_error...)
            count(platform, "failed", e.code());
            throw e;
        } catch (RuntimeException e) {
            count(platform, "failed", "error");
            throw e;
        }
    }

    private void count(String platform, String outcome, String reason) {
        Counter.builder("switchboard.outbound.sends").description("Messages sent to a platform, by platform and outcome")
                .tag("platform", platform).tag("outcome", outcome).tag("reason", reason)
                .register(registry).increment();
    }

    /** WhatsAppSender is "whatsapp": one sender class per platform API (Instagram goes through Messenger's). */
    static String platform(OutboundSender sender) {
        String name = sender.getClass().getSimpleName();
        return (name.endsWith("Sender") ? name.substring(0, name.length() - "Sender".length()) : name).toLowerCase();
    }
}
