package io.switchboard.store;

import io.switchboard.inbox.EffectKeys;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The effect keys of a contact's recent changes of one kind (assignment, tags, fields), oldest first,
 * kept on the contact item in their stored form ({@link EffectKeys}). The single last key ({@code assignKey}, {@code tagKey}, {@code fieldKey})
 * recognises a change repeated at once; these recognise one repeated after other changes came in
 * between (a run resumed after a crash repeats the steps since its last checkpoint, and a person or
 * another run may have changed the contact meanwhile), so the repeat changes nothing. A repeat only
 * ever reaches back over a run's steps since its last checkpoint, so a few dozen keys are plenty.
 */
final class RecentKeys {

    /** How many keys a contact keeps per kind of change at most. */
    static final int MAX = 24;
    /** How many of the oldest keys go when there are more. */
    static final int TRIM = 8;

    private RecentKeys() {
    }

    static boolean contains(AttributeValue keys, String key) {
        return keys != null && keys.hasL() && keys.l().stream().anyMatch(k -> EffectKeys.same(k.s(), key));
    }

    /** The keys with {@code key} (in its stored form) added last, the oldest dropped past {@link #MAX}. */
    static AttributeValue with(AttributeValue keys, String key) {
        List<AttributeValue> next = new ArrayList<>(keys != null && keys.hasL() ? keys.l() : List.of());
        next.add(Attr.s(EffectKeys.stored(key)));
        if (next.size() > MAX) {
            next = next.subList(next.size() - (MAX - TRIM), next.size());
        }
        return AttributeValue.builder().l(next).build();
    }
}
