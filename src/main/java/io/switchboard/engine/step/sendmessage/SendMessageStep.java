package io.switchboard.engine.step.sendmessage;

import io.switchboard.engine.workflow.FailurePathStep;
import io.switchboard.engine.workflow.Step;
import io.switchboard.inbox.OutgoingContent;
import java.util.List;

/**
 * Send a Message: the default {@code message} (text or media, with $variables) goes to the contact on
 * {@code channel}, a connected channel's id, or the channel they last wrote from when it is null; a
 * {@link ChannelResponse} for that channel (by id, else by type) is sent instead (see
 * {@link ResponseChoice}). When the platform refuses it, the contact has no identity on the channel or
 * its reply window closed, the {@code onFailure} steps run; without them the failure is recorded and
 * the run goes on.
 */
public record SendMessageStep(String id, String channel, OutgoingContent message, List<ChannelResponse> responses,
        List<Step> onFailure) implements FailurePathStep {

    public static final int MAX_LENGTH = 2000;
    /** The document's name for "the channel the contact last interacted on", the default. */
    public static final String LAST_INTERACTED = "last_interacted";

    public SendMessageStep {
        responses = responses == null ? List.of() : List.copyOf(responses);
        onFailure = onFailure == null ? List.of() : onFailure;
    }

    /** A plain text on the last interacted channel, as every Send a Message was before media and responses. */
    public SendMessageStep(String id, String text, List<Step> onFailure) {
        this(id, null, new OutgoingContent.Text(text), List.of(), onFailure);
    }

    /**
     * A message for one channel, named by its id or by its type ({@code whatsapp}): a WhatsApp template, a
     * Messenger message with a tag, or any default message meant only for that channel.
     */
    public record ChannelResponse(String channel, OutgoingContent message) {
    }

    @Override
    public List<Step> failurePath() {
        return onFailure;
    }

    @Override
    public String type() {
        return SendMessageType.NAME;
    }
}
