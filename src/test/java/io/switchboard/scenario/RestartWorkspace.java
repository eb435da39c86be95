package io.switchboard.scenario;

import io.switchboard.support.Workflows;
import io.switchboard.support.Workspace;

/** The fixed workspace both halves of the restart scenario use. */
final class RestartWorkspace {

    private final Workspace ws = Workspace.attach(RestartProfiles.WORKSPACE, RestartProfiles.API_KEY);

    Workspace get() {
        return ws;
    }

    void setUpPromptTransfer() {
        ws.connectChannel();
        ws.user("alice", true).user("bob", true).team("support", "alice", "bob");
        ws.publish(Workflows.promptTransfer("alice", "support", "round_robin", "PT15M"));
    }
}
