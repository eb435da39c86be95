package io.switchboard.store;

/**
 * Key formats of the single table; every key starts with the workspace it belongs to. Public for the tools
 * that read the table directly (the benchmark's item sizes); the stores are the only writers.
 */
public final class Keys {

    private Keys() {
    }

    static String workspace(String ws) {
        return "WS#" + ws;
    }

    /** The partition of a contact: its own item, its runs, comments and messages. */
    public static String contact(String ws, String contactId) {
        return workspace(ws) + "#CONTACT#" + contactId;
    }

    /** Runs live in their contact's partition: listing a contact's runs is a plain query. */
    static String runSort(String runId) {
        return "RUN#" + runId;
    }

    /** A contact's enrolment in a workflow that triggers once per contact; in the contact's partition. */
    static String enrolmentSort(String workflowId) {
        return "ENROLLED#" + workflowId;
    }

    /** Partition of the byOwner index holding the contacts with an open conversation assigned to the agent. */
    static String openContactsOf(String ws, String agentId) {
        return workspace(ws) + "#OPEN#" + agentId;
    }

    /** Partition of the byConversation index holding every contact of the workspace that had a conversation. */
    static String conversationsOf(String ws) {
        return workspace(ws) + "#CONV";
    }

    /**
     * Sort key in the byConversation index: when the latest conversation opened (fixed-width epoch
     * milliseconds, so text order is time order), then the contact id to keep keys unique.
     */
    static String conversationKey(java.time.Instant openedAt, String contactId) {
        return String.format("%015d#%s", openedAt.toEpochMilli(), contactId);
    }

    static String workflow(String ws, String workflowId) {
        return workspace(ws) + "#WORKFLOW#" + workflowId;
    }
}
