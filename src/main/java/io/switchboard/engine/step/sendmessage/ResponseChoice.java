package io.switchboard.engine.step.sendmessage;

import io.switchboard.engine.step.sendmessage.SendMessageStep.ChannelResponse;
import io.switchboard.inbox.OutgoingContent;
import io.switchboard.inbox.Outbox.Route;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Which message a Send a Message sends on a route, and why; the product's rule: a response for the
 * chosen channel is used, otherwise the default message. Responses for the channel's id come before
 * responses for its type. Where the platform's reply window closed (WhatsApp's and Messenger's 24
 * hours), only a message allowed outside it (a template, a tagged message) is sent; free text is not
 * attempted, because the platform would refuse it.
 */
public final class ResponseChoice {

    /** The message to send ({@code null} when none may be sent), the response's name, and the reason. */
    public record Choice(OutgoingContent message, String response, String why) {
        public boolean refused() {
            return message == null;
        }
    }

    private ResponseChoice() {
    }

    public static Choice pick(SendMessageStep step, Route route, Instant now) {
        List<Integer> candidates = matching(step.responses(), route.channelId());
        String matchedBy = "channel " + route.channelId();
        if (candidates.isEmpty() && route.channelType() != null) {
            candidates = matching(step.responses(), route.channelType());
            matchedBy = route.channelType();
        }
        if (route.windowOpenAt(now)) {
            if (candidates.isEmpty()) {
                return new Choice(step.message(), "default", "no response for " + describe(route));
            }
            int i = candidates.get(0);
            return new Choice(step.responses().get(i).message(), "responses[" + i + "]", "the response for " + matchedBy);
        }
        String window = "the " + (route.channelType() != null ? route.channelType() + " " : "") + "reply window";
        // a windowed channel the contact never wrote from (a linked identity) has had no window at all
        String closed = Instant.EPOCH.equals(route.windowClosesAt())
                ? window + " never opened (the contact has not written on this channel)"
                : window + " closed at " + route.windowClosesAt();
        for (int i : candidates) {
            OutgoingContent message = step.responses().get(i).message();
            if (message.sendableOutsideWindow()) {
                return new Choice(message, "responses[" + i + "]", closed + ": the "
                        + (message instanceof OutgoingContent.Template ? "template" : "tagged") + " response for "
                        + matchedBy);
            }
        }
        return new Choice(null, null, closed + "; free-form messages are accepted only within 24 hours of the "
                + "contact's last message, and the step has no template or message-tag response for " + describe(route)
                + ", so free text was not attempted");
    }

    private static List<Integer> matching(List<ChannelResponse> responses, String channel) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < responses.size(); i++) {
            if (responses.get(i).channel().equals(channel)) {
                found.add(i);
            }
        }
        return found;
    }

    private static String describe(Route route) {
        return route.channelType() != null ? route.channelType() + " channel " + route.channelId()
                : "channel " + route.channelId();
    }
}
