package io.switchboard.inbox;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What a workflow sends, in the product's terms; each platform's sender turns it into its own message
 * kind, or into the documented fallback where it has none. {@link #recorded()} is what the conversation
 * shows agents.
 */
public sealed interface OutgoingContent {

    /** The text kept in the conversation for this message. */
    String recorded();

    /** The same message with every text and URL passed through {@code render} (a workflow's $variables). */
    OutgoingContent rendered(UnaryOperator<String> render);

    /** Plain text. */
    record Text(String text) implements OutgoingContent {
        @Override
        public String recorded() {
            return text;
        }

        @Override
        public Text rendered(UnaryOperator<String> render) {
            return new Text(render.apply(text));
        }
    }

    /** The kinds of media a message may carry, as the product names them. */
    enum MediaKind {
        IMAGE, VIDEO, AUDIO, FILE;

        public String wireName() {
            return name().toLowerCase();
        }
    }

    /**
     * A picture, video, audio or file the platform fetches from an HTTPS URL, with an optional caption.
     * {@code fileName}, {@code sizeBytes}, {@code durationSeconds} and {@code previewUrl} are optional
     * facts some platforms require for some kinds (Viber a file's name and size, LINE a video's preview
     * and an audio's length); without them those platforms get the fallback text.
     */
    record Media(MediaKind kind, String url, String caption, String fileName, Long sizeBytes, Integer durationSeconds,
            String previewUrl) implements OutgoingContent {

        public Media(MediaKind kind, String url, String caption) {
            this(kind, url, caption, null, null, null, null);
        }

        public boolean hasCaption() {
            return caption != null && !caption.isBlank();
        }

        /** The file name the contact sees: the one given, else the URL's last path segment. */
        public String displayName() {
            if (fileName != null) {
                return fileName;
            }
            String path = url.replaceFirst("[?#].*$", "");
            String last = path.substring(path.lastIndexOf('/') + 1);
            return last.isEmpty() ? "file" : last;
        }

        /** The fallback on platforms without this media kind: the caption, then the link. */
        public String asText() {
            return hasCaption() ? caption + "\n" + url : url;
        }

        @Override
        public String recorded() {
            return hasCaption() ? caption : "[" + kind.wireName() + "] " + url;
        }

        @Override
        public Media rendered(UnaryOperator<String> render) {
            return new Media(kind, render.apply(url), caption == null ? null : render.apply(caption), fileName,
                    sizeBytes, durationSeconds, previewUrl == null ? null : render.apply(previewUrl));
        }
    }

    /**
     * A WhatsApp message template approved in WhatsApp Manager: its name, language code and the values
     * of its header, body and button parameters, already rendered. Only WhatsApp sends these, and they
     * may be sent outside the 24-hour customer-service window.
     */
    record Template(String name, String language, List<String> header, List<String> body, List<Button> buttons)
            implements OutgoingContent {

        public Template {
            header = header == null ? List.of() : List.copyOf(header);
            body = body == null ? List.of() : List.copyOf(body);
            buttons = buttons == null ? List.of() : List.copyOf(buttons);
        }

        /** A button's dynamic part: the payload of a quick-reply button or the URL suffix of a URL button. */
        public record Button(int index, String subType, String parameter) {
        }

        @Override
        public String recorded() {
            return "[template " + name + " (" + language + ")]" + (body.isEmpty() ? "" : " " + String.join(" | ", body));
        }

        @Override
        public Template rendered(UnaryOperator<String> render) {
            return new Template(name, language, header.stream().map(render).toList(), body.stream().map(render).toList(),
                    buttons.stream().map(b -> new Button(b.index(), b.subType(), render.apply(b.parameter()))).toList());
        }
    }

    /**
     * A Messenger or Instagram message with a message tag, which Meta allows outside the 24-hour standard
     * messaging window for the tag's purpose (a confirmed event, a post-purchase update, an account update;
     * HUMAN_AGENT is for people, not workflows). Other platforms send the message without the tag.
     */
    record Tagged(String tag, OutgoingContent message) implements OutgoingContent {
        @Override
        public String recorded() {
            return message.recorded();
        }

        @Override
        public Tagged rendered(UnaryOperator<String> render) {
            return new Tagged(tag, message.rendered(render));
        }
    }

    /** May this be sent after the platform's reply window closed? Templates and tagged messages may. */
    default boolean sendableOutsideWindow() {
        return this instanceof Template || this instanceof Tagged;
    }
}
