package io.switchboard.inbox;

import java.util.function.UnaryOperator;

/** Read-modify-write of the directory, retried when another edit got in between. */
public final class DirectoryEditor {

    private static final int ATTEMPTS = 5;
    private final DirectoryStore store;

    public DirectoryEditor(DirectoryStore store) {
        this.store = store;
    }

    public Directory update(String workspaceId, UnaryOperator<Directory> change) {
        ConcurrentUpdateException last = null;
        for (int i = 0; i < ATTEMPTS; i++) {
            Directory current = store.load(workspaceId);
            Directory next = change.apply(current);
            try {
                store.replace(workspaceId, next);
                return new Directory(next.agents(), next.teams(), next.version() + 1);
            } catch (ConcurrentUpdateException e) {
                last = e;
            }
        }
        throw last;
    }
}
