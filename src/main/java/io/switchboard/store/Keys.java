package io.switchboard.store;

/** Key formats of the single table; every key starts with the workspace it belongs to. */
final class Keys {

    private Keys() {
    }

    static String workspace(String ws) {
        return "WS#" + ws;
    }

    static String contact(String ws, String contactId) {
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

    static String workflow(String ws, String workflowId) {
        return workspace(ws) + "#WORKFLOW#" + workflowId;
    }
}
