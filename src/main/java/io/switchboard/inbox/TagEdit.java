package io.switchboard.inbox;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * What adding and then removing tags does to a contact's tags: the whole set after, and the tags that
 * actually changed (a tag already there is not added again; only a tag there is removed). Worked out
 * the same way by every store and by a wake-up that holds the change.
 */
public record TagEdit(Set<String> after, Set<String> added, Set<String> removed) {

    public TagEdit {
        // sorted, so what a step records and the events it fires come out in the same order every time
        after = Collections.unmodifiableSortedSet(new TreeSet<>(after));
        added = Collections.unmodifiableSortedSet(new TreeSet<>(added));
        removed = Collections.unmodifiableSortedSet(new TreeSet<>(removed));
    }

    public static TagEdit of(Set<String> tags, Set<String> add, Set<String> remove) {
        Set<String> after = new TreeSet<>(tags);
        Set<String> added = new TreeSet<>();
        Set<String> removed = new TreeSet<>();
        add.stream().filter(after::add).forEach(added::add);
        remove.stream().filter(after::remove).forEach(removed::add);
        return new TagEdit(after, added, removed);
    }
}
