package io.switchboard.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class HistoryCodecTest {

    /** The headline scenario's history as the engine writes it (six records, a Branch with two observations). */
    static final String PROMPT_TRANSFER = """
            [{"sequence":1,"stepId":"assign-first","stepType":"assign_to","path":"0","at":"2026-01-01T01:00:00Z",\
            "outcome":"assigned to Alice","details":{"action":"user","assignee":"alice"}},{"sequence":2,"stepId":"wait",\
            "stepType":"wait","path":"1","at":"2026-01-01T01:00:00Z","outcome":"waiting until 2026-01-01T01:15:00Z",\
            "details":{"duration":"PT15M"}},{"sequence":3,"stepId":"wake-up","stepType":"wake_up",\
            "at":"2026-01-01T01:16:00Z","outcome":"woke up","details":{"dueAt":"2026-01-01T01:15:00Z","lateness":"PT1M"}},\
            {"sequence":4,"stepId":"check-reply","stepType":"branch","path":"2","at":"2026-01-01T01:16:00Z",\
            "outcome":"took branch \\"Still open, no reply\\"","observations":[{"condition":\
            "contact_field.conversation_status is_equal_to open","observed":"open","result":true},\
            {"condition":"time_since_last_outgoing_message does_not_exist","result":true}]},{"sequence":5,\
            "stepId":"reassign","stepType":"assign_to","path":"2.0.0","at":"2026-01-01T01:16:00Z",\
            "outcome":"assigned to Dave","details":{"action":"team","team":"support","logic":"round_robin",\
            "onlyOnline":"true","eligible":"bob,carol,dave","reason":"round robin","notChosen":\
            "already assigned by this run: alice","previousAssignee":"alice","assignee":"dave"}},{"sequence":6,\
            "stepId":"note","stepType":"add_comment","path":"2.0.1","at":"2026-01-01T01:16:00Z",\
            "outcome":"comment added","details":{"text":"Reassigned Contact traced from Alice to Dave"}}]""";

    @Test
    void aHistoryReadsBackAsItWasWrittenWhateverItsText() {
        String text = "[{\"sequence\":1,\"stepId\":\"greet\",\"stepType\":\"send_message\",\"details\":{\"text\":"
                + "\"こんにちは 👋 \\\"quoted\\\" ünïcödé\"}}]";
        assertEquals(text, HistoryCodec.decode(HistoryCodec.encode(text)));
        assertEquals(PROMPT_TRANSFER, HistoryCodec.decode(HistoryCodec.encode(PROMPT_TRANSFER)));
        assertEquals("[]", HistoryCodec.decode(HistoryCodec.encode("[]")));
        String large = "[" + "{\"sequence\":1,\"outcome\":\"sent\"},".repeat(5000) + "{}]";
        assertEquals(large, HistoryCodec.decode(HistoryCodec.encode(large)));
    }

    @Test
    void aHistoryStoredGzipdBeforeTheDictionaryStillReads() throws IOException {
        var out = new ByteArrayOutputStream();
        try (var zip = new GZIPOutputStream(out)) {
            zip.write(PROMPT_TRANSFER.getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(PROMPT_TRANSFER, HistoryCodec.decode(out.toByteArray()));
    }

    @Test
    void theDictionaryCostsLessThanGzipForTheHeadlinesHistory() throws IOException {
        var out = new ByteArrayOutputStream();
        try (var zip = new GZIPOutputStream(out)) {
            zip.write(PROMPT_TRANSFER.getBytes(StandardCharsets.UTF_8));
        }
        int dictionary = HistoryCodec.encode(PROMPT_TRANSFER).length;
        // what the run item's write units depend on: the history was 583 bytes gzip'd, most of the item
        assertTrue(dictionary < out.size() * 2 / 3, dictionary + " bytes with the dictionary, " + out.size() + " gzip'd");
    }

    @Test
    void anUnknownFormatOrACutHistoryIsAClearErrorNotAWrongHistory() {
        byte[] stored = HistoryCodec.encode(PROMPT_TRANSFER);
        byte[] future = stored.clone();
        future[0] = 9;
        var unknown = assertThrows(IllegalStateException.class, () -> HistoryCodec.decode(future));
        assertTrue(unknown.getMessage().contains("format 9"), unknown.getMessage());
        var cut = assertThrows(IllegalStateException.class,
                () -> HistoryCodec.decode(Arrays.copyOf(stored, stored.length / 2)));
        assertTrue(cut.getMessage().contains("cut short"), cut.getMessage());
        assertThrows(IllegalStateException.class, () -> HistoryCodec.decode(new byte[0]));
    }

    @Test
    void theFirstDictionaryNeverChanges() throws Exception {
        try (InputStream in = HistoryCodec.class.getResourceAsStream("/store/history-dictionary-v1.txt")) {
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
            assertEquals("a79595a19db71e7c80d8b7db9ef6bfe239b402b1278826adcf819c5135d127c1", sha, "every history stored with format 1 needs these exact bytes to be read;"
                    + " put a better dictionary in history-dictionary-v2.txt under a new format byte");
        }
    }
}
