package io.switchboard.store;

import io.switchboard.document.Problem;
import io.switchboard.inbox.TooLarge;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * DynamoDB refuses an item over 400 KB after the request was sent, as a bare validation error. A
 * document stored whole (the directory, a workflow version) is measured before it is written, with
 * room left for the item's other attributes, and refused as {@link TooLarge} naming what to shrink.
 */
final class ItemSize {

    /** 400 KB less room for keys and the other attributes of the item. */
    static final int MAX_DOCUMENT_BYTES = 380 * 1024;

    private ItemSize() {
    }

    static void check(String what, String document, String path, String advice) {
        int bytes = document.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_DOCUMENT_BYTES) {
            throw new TooLarge(what + " would take " + bytes / 1024 + " KB stored; at most " + MAX_DOCUMENT_BYTES / 1024
                    + " KB fit in one record: " + advice, List.of(new Problem(path, "stored form over "
                    + MAX_DOCUMENT_BYTES / 1024 + " KB")));
        }
    }
}
