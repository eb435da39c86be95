package io.switchboard.inbox;

/**
 * Where a wake-up that writes its effects before its run ({@code effects-first}) last assigned this contact:
 * the assignment's effect key and the step's place in the workflow. Written with that assignment, in the same
 * write. A repeat of the wake-up whose run was not written since (its process died after the assignment)
 * continues from that step rather than deciding again on a contact that moved on: a reply that came after the
 * reassignment must not cost it its comment.
 *
 * <p>The mark holds the key in the form the contact stores it ({@link EffectKeys#canonical}), whichever form it
 * is given, so a mark read back equals the mark written, and one stored before that form reads as the same mark.
 */
public record WakeUpMark(String effectKey, String stepPath) {

    public WakeUpMark {
        effectKey = effectKey == null ? null : EffectKeys.canonical(effectKey);
    }

    /** The step sequence the mark names when it is one of run {@code runId}'s assignments; -1 when it is not. */
    public int sequenceOf(String runId) {
        String prefix = EffectKeys.storedRun(runId) + "#";
        if (effectKey == null || stepPath == null || !effectKey.startsWith(prefix)) {
            return -1;
        }
        try {
            return Integer.parseInt(effectKey.substring(prefix.length()));
        } catch (NumberFormatException notAStepsKey) {
            return -1;
        }
    }
}
