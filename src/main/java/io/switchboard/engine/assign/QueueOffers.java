package io.switchboard.engine.assign;

import io.switchboard.engine.run.RunEngine;
import io.switchboard.engine.run.WakeUpResult;
import io.switchboard.inbox.DirectoryStore;
import io.switchboard.inbox.QueuedContact;
import io.switchboard.inbox.StatusChange;
import java.util.ArrayList;
import java.util.List;

/**
 * When an agent comes online, the contacts queued for their teams (and for "a user in the
 * workspace") are offered at once, longest waiting first, instead of at the queue's next re-offer a
 * minute later. Each offer resumes the waiting run, which chooses among the pool as it is now, so
 * the agent is not given contacts beyond their cap, and an offer that finds the run gone or already
 * assigned changes nothing and takes the entry out of the queue.
 */
public final class QueueOffers {

    /** Offers per pool per status change; the rest wait for their next re-offer, which is at most a minute. */
    public static final int MAX_OFFERS = 100;
    /** The queue of Assign To's "a user in the workspace" action. */
    public static final String WORKSPACE_POOL = "_workspace";

    private final DirectoryStore directory;
    private final RunEngine engine;

    public QueueOffers(DirectoryStore directory, RunEngine engine) {
        this.directory = directory;
        this.engine = engine;
    }

    /** Returns the runs that resumed. */
    public List<String> agentCameOnline(String workspaceId, StatusChange change) {
        List<String> resumed = new ArrayList<>();
        if (!change.cameOnline()) {
            return resumed;
        }
        List<String> pools = new ArrayList<>(change.teams());
        pools.add(WORKSPACE_POOL);
        for (String pool : pools) {
            for (QueuedContact queued : directory.queued(workspaceId, pool, MAX_OFFERS)) {
                WakeUpResult result = engine.offerQueued(workspaceId, queued.contactId(), queued.runId());
                if (result == WakeUpResult.RESUMED) {
                    resumed.add(queued.runId());
                } else if (result != WakeUpResult.CLAIMED_ELSEWHERE) {
                    // the run left the queue without saying so (it crashed between its steps): forget it
                    directory.dequeue(workspaceId, pool, queued);
                }
            }
        }
        return resumed;
    }
}
