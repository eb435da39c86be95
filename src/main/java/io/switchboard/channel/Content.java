package io.switchboard.channel;

import io.switchboard.inbox.Attachment;

/** A message's readable text and, when it is not plain text, what it carries. */
public record Content(String text, Attachment attachment) {

    public static Content text(String text) {
        return new Content(text == null ? "" : text, null);
    }

    public static Content media(String kind, String reference, String mimeType, String caption, String fileName) {
        return new Content(Renderings.media(kind, caption, fileName), new Attachment(kind, reference, mimeType));
    }

    public static Content location(double latitude, double longitude, String name) {
        return new Content(Renderings.location(latitude, longitude, name),
                new Attachment("location", latitude + "," + longitude, null));
    }

    public static Content contact(String name, String phone, String vcard) {
        return new Content(Renderings.contact(name, phone), new Attachment("contact", vcard != null ? vcard : phone,
                vcard != null ? "text/vcard" : null));
    }

    public static Content unsupported(String type) {
        return new Content(Renderings.unsupported(type), new Attachment(type == null ? "unsupported" : type, null, null));
    }

    /**
     * The id of the {@code index}th part of a message that carries several attachments or shared
     * contacts: each part is stored as a message of its own, the first under the platform's id, so a
     * redelivery finds every part and a retry after a failure stores the parts still missing.
     */
    public static String partId(String messageId, int index) {
        return index == 0 ? messageId : messageId + ":" + (index + 1);
    }
}
