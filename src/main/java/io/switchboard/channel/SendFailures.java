package io.switchboard.channel;

import io.switchboard.inbox.OutboundSender.SendFailed;

/** The failures every platform shares, worded once: what happened and what to do. */
public final class SendFailures {

    private SendFailures() {
    }

    public static SendFailed outsideWindow(String platform, String detail) {
        return new SendFailed(422, "outside_messaging_window", platform + " accepts free-form replies only within 24 "
                + "hours of the contact's last message; send an approved template instead (" + detail + ")");
    }

    public static SendFailed blocked(String platform, String detail) {
        return new SendFailed(422, "recipient_blocked", "the contact blocked or left the " + platform
                + " conversation (" + detail + ")");
    }

    public static SendFailed unsubscribed(String platform, String detail) {
        return new SendFailed(422, "recipient_unsubscribed", "the contact unsubscribed from " + platform
                + " messages and cannot be written to until they opt in again (" + detail + ")");
    }

    public static SendFailed invalidRecipient(String platform, String detail) {
        return new SendFailed(422, "invalid_recipient", platform + " does not know this contact as a recipient ("
                + detail + ")");
    }

    public static SendFailed credentials(String platform, String detail) {
        return new SendFailed(502, "channel_credentials_rejected", platform + " rejected the channel's credentials; "
                + "update the channel's token (" + detail + ")");
    }

    public static SendFailed rateLimited(String platform, String detail) {
        return new SendFailed(502, "platform_rate_limited", platform + " is rate limiting this channel; try again "
                + "later (" + detail + ")");
    }

    public static SendFailed rejected(String platform, String detail) {
        return new SendFailed(502, "platform_rejected", platform + " refused the message (" + detail + ")");
    }

    public static SendFailed unavailable(String platform, String detail) {
        return new SendFailed(502, "platform_unavailable", platform + " failed to take the message; it may or may "
                + "not have been delivered, so it was not sent again (" + detail + ")");
    }
}
