package io.switchboard.inbox;

/**
 * What a message carries besides text, kept as the platform's reference and never downloaded: a media
 * id or URL with its mime type, a location, a shared contact card. {@code kind} is the platform-neutral
 * name: image, video, audio, file, sticker, location, contact, or the platform's own type when unknown.
 */
public record Attachment(String kind, String reference, String mimeType) {
}
