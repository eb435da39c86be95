package io.switchboard.channel;

import io.switchboard.inbox.InboxActions.IncomingMessage;
import io.switchboard.inbox.InboxActions.OutgoingEcho;
import io.switchboard.inbox.InboxActions.StatusReport;
import io.switchboard.inbox.Attachment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What one stored message may hold, applied to every channel's events before anything is written
 * (README, "Limits"). A contact's message is never refused for its size: an over-long text is cut at
 * {@link #MAX_TEXT_CHARS} and the cut is written at its end, a name is cut at {@link #MAX_NAME_CHARS},
 * a time no calendar can store is replaced by the time we received the message. Ids are storage keys:
 * one longer than {@link #MAX_ID_CHARS} is no platform's id, and the whole delivery is refused before
 * any of its events is recorded, so it is never half taken.
 */
public final class InboundLimits {

    public static final int MAX_TEXT_CHARS = 10_000;
    public static final int MAX_NAME_CHARS = 256;
    public static final int MAX_ID_CHARS = 256;
    /** Attachment references (a media URL, a shared contact's vCard). */
    public static final int MAX_REFERENCE_CHARS = 8_000;
    /** Years 1970 to 9999: what ISO-8601 texts and epoch milliseconds both hold. */
    private static final Instant EARLIEST = Instant.EPOCH;
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private InboundLimits() {
    }

    /** A platform webhook whose events are checked, then kept within the limits. */
    public static PlatformWebhook applied(PlatformWebhook webhook) {
        return delivery -> within(webhook.receive(delivery), delivery.receivedAt());
    }

    static List<ChannelEvent> within(List<ChannelEvent> events, Instant receivedAt) {
        for (ChannelEvent e : events) {
            if (e instanceof ChannelEvent.Incoming in) {
                ids(in.message().externalId(), in.message().contactId());
            } else if (e instanceof ChannelEvent.Echo echo) {
                ids(echo.echo().externalId(), echo.echo().contactId());
            } else if (e instanceof ChannelEvent.Status s) {
                ids(s.report().platformMessageId(), s.report().contactId());
            } else if (e instanceof ChannelEvent.Edit edit) {
                ids(edit.originalId(), edit.contactId());
            } else if (e instanceof ChannelEvent.Notice notice) {
                ids(notice.message().externalId(), notice.message().contactId());
            }
        }
        List<ChannelEvent> out = new ArrayList<>(events.size());
        for (ChannelEvent e : events) {
            if (e instanceof ChannelEvent.Incoming in) {
                out.add(new ChannelEvent.Incoming(message(in.message(), receivedAt)));
            } else if (e instanceof ChannelEvent.Echo echo) {
                out.add(new ChannelEvent.Echo(echo(echo.echo(), receivedAt)));
            } else if (e instanceof ChannelEvent.Status s) {
                StatusReport r = s.report();
                out.add(new ChannelEvent.Status(new StatusReport(r.channelId(), r.contactId(), r.platformMessageId(),
                        r.status(), time(r.at(), receivedAt), cut(r.error(), MAX_NAME_CHARS))));
            } else if (e instanceof ChannelEvent.Notice notice) {
                out.add(new ChannelEvent.Notice(message(notice.message(), receivedAt)));
            } else if (e instanceof ChannelEvent.Edit edit) {
                out.add(new ChannelEvent.Edit(edit.channelId(), edit.contactId(), edit.originalId(), text(edit.text()),
                        time(edit.at(), receivedAt)));
            } else {
                out.add(e);
            }
        }
        return out;
    }

    public static IncomingMessage message(IncomingMessage m, Instant receivedAt) {
        ids(m.externalId(), m.contactId());
        return new IncomingMessage(m.channelId(), m.externalId(), m.contactId(), cut(m.contactName(), MAX_NAME_CHARS),
                text(m.text()), time(m.sentAt(), receivedAt), attachment(m.attachment()));
    }

    static OutgoingEcho echo(OutgoingEcho e, Instant receivedAt) {
        return new OutgoingEcho(e.channelId(), e.externalId(), e.contactId(), text(e.text()), time(e.sentAt(), receivedAt),
                attachment(e.attachment()));
    }

    /** The text as stored: at most {@link #MAX_TEXT_CHARS}, the cut recorded where it was made. */
    public static String text(String text) {
        if (text == null || text.length() <= MAX_TEXT_CHARS) {
            return text;
        }
        return cut(text, MAX_TEXT_CHARS) + " [message cut: the first " + MAX_TEXT_CHARS + " of " + text.length()
                + " characters are kept]";
    }

    public static boolean storable(Instant time) {
        return time != null && !time.isBefore(EARLIEST) && !time.isAfter(LATEST);
    }

    private static Instant time(Instant at, Instant receivedAt) {
        return storable(at) ? at : receivedAt;
    }

    private static Attachment attachment(Attachment a) {
        return a == null ? null : new Attachment(cut(a.kind(), MAX_NAME_CHARS), cut(a.reference(), MAX_REFERENCE_CHARS),
                cut(a.mimeType(), MAX_NAME_CHARS));
    }

    private static void ids(String messageId, String contactId) {
        check("message id", messageId);
        check("contact id", contactId);
    }

    private static void check(String what, String id) {
        if (id != null && id.isBlank()) {
            throw new WebhookRejected(400, "the " + what + " is empty; every event names its message and contact");
        }
        if (id != null && (id.length() > MAX_ID_CHARS || id.chars().anyMatch(Character::isISOControl))) {
            throw new WebhookRejected(400, "the " + what + " is " + id.length() + " characters or holds control "
                    + "characters; ids of at most " + MAX_ID_CHARS + " printable characters are accepted");
        }
    }

    /** At most {@code max} characters, never splitting a surrogate pair. */
    static String cut(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end);
    }
}
