package io.switchboard.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EffectKeysTest {

    static final String RUN = "0f8fad5b-d9cb-469f-a165-70867728950e";

    @Test
    void aStepsKeyIsStoredAsTwelveCharactersOfItsRunThenItsSequence() {
        String stored = EffectKeys.stored(RUN + "#12");
        assertEquals(15, stored.length());
        assertTrue(stored.endsWith("#12"));
        assertEquals(EffectKeys.storedRun(RUN) + "#12", stored);
        assertEquals(stored, EffectKeys.stored(RUN + "#12"), "the same key, the same stored form");
        assertNotEquals(stored, EffectKeys.stored(RUN + "#13"));
    }

    @Test
    void aKeyWithoutASequenceIsStoredWhole() {
        assertEquals(12, EffectKeys.stored("agent-action-7f3a").length());
        assertEquals(12, EffectKeys.stored("run#").length());
        assertNotEquals(EffectKeys.stored("run#x"), EffectKeys.stored("run#y"));
    }

    @Test
    void aStoredKeyIsTheSameAsItsKeyInEitherFormAndNoOther() {
        String key = RUN + "#3";
        assertTrue(EffectKeys.same(EffectKeys.stored(key), key));
        assertTrue(EffectKeys.same(key, key), "as keys were stored before the short form");
        assertFalse(EffectKeys.same(EffectKeys.stored(key), RUN + "#4"));
        assertFalse(EffectKeys.same(null, key));
    }

    @Test
    void tenThousandRunsStepKeysStayApart() {
        Set<String> stored = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            stored.add(EffectKeys.stored(UUID.randomUUID() + "#1"));
        }
        assertEquals(10_000, stored.size());
    }

    @Test
    void aWakeUpMarkNamesItsRunsStepInEitherForm() {
        assertEquals(3, new WakeUpMark(EffectKeys.stored(RUN + "#3"), "2").sequenceOf(RUN));
        assertEquals(3, new WakeUpMark(RUN + "#3", "2").sequenceOf(RUN));
        assertEquals(-1, new WakeUpMark(EffectKeys.stored(RUN + "#3"), "2").sequenceOf(UUID.randomUUID().toString()));
        assertEquals(-1, new WakeUpMark(EffectKeys.stored("no-sequence"), "2").sequenceOf(RUN));
    }

    @Test
    void aWakeUpMarkGivenEitherFormIsTheSameMark() {
        assertEquals(new WakeUpMark(RUN + "#3", "2"), new WakeUpMark(EffectKeys.stored(RUN + "#3"), "2"));
        assertEquals(EffectKeys.stored(RUN + "#3"), new WakeUpMark(RUN + "#3", "2").effectKey());
        assertNotEquals(new WakeUpMark(RUN + "#3", "2"), new WakeUpMark(RUN + "#4", "2"));
    }
}
