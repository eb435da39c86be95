package io.switchboard.engine.step;

import io.switchboard.engine.assign.AssignmentPolicy;
import io.switchboard.engine.assign.AssignmentPolicy.Choice;
import io.switchboard.inbox.Agent;
import io.switchboard.inbox.ContactStore.AssignmentChange;
import io.switchboard.inbox.Directory;
import io.switchboard.inbox.Team;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Assign To. When nobody is eligible the step records why and the run goes on: a run never fails
 * because a team is offline.
 */
public final class AssignToHandler implements StepHandler<AssignToStep> {

    /** Round-robin rotation key for the "a user in the workspace" action. */
    static final String WORKSPACE_ROTATION = "_workspace";

    private final AssignmentPolicy policy = new AssignmentPolicy();

    @Override
    public StepResult run(AssignToStep step, StepContext ctx) {
        Directory directory = ctx.directory();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("action", step.action().name().toLowerCase());
        String target;
        switch (step.action()) {
            case UNASSIGN -> target = null;
            case USER -> {
                Optional<Agent> agent = directory.agent(step.userId());
                if (agent.isEmpty()) {
                    details.put("userId", step.userId());
                    return StepResult.unchanged("not assigned: user " + step.userId() + " does not exist", details);
                }
                target = agent.get().id();
            }
            default -> {
                Optional<String> chosen = choose(step, ctx, directory, details);
                if (chosen.isEmpty()) {
                    return StepResult.unchanged("not assigned: " + details.get("reason"), details);
                }
                target = chosen.get();
            }
        }
        AssignmentChange change = ctx.inbox().contacts().assign(ctx.run().workspaceId(), ctx.run().contactId(),
                target, ctx.effectKey(), ctx.now());
        ctx.contactChanged(ctx.contact().withAssignee(change.assigneeId()));
        if (change.previousAssigneeId() != null) {
            details.put("previousAssignee", change.previousAssigneeId());
        }
        if (change.assigneeId() != null) {
            details.put("assignee", change.assigneeId());
        }
        String outcome = change.assigneeId() == null ? "unassigned"
                : "assigned to " + directory.agent(change.assigneeId()).map(Agent::name).orElse(change.assigneeId());
        return StepResult.changed(outcome, details);
    }

    private Optional<String> choose(AssignToStep step, StepContext ctx, Directory directory,
            Map<String, String> details) {
        List<Agent> pool;
        String rotation;
        if (step.action() == AssignToStep.Action.TEAM) {
            Optional<Team> team = directory.team(step.teamId());
            details.put("team", step.teamId());
            if (team.isEmpty()) {
                details.put("reason", "team " + step.teamId() + " does not exist");
                return Optional.empty();
            }
            pool = directory.members(team.get());
            rotation = team.get().id();
        } else {
            pool = List.copyOf(directory.agents().values());
            rotation = WORKSPACE_ROTATION;
        }
        String ws = ctx.run().workspaceId();
        Choice choice = policy.choose(pool, ctx.contact().assigneeId(), step.logic(), step.onlyOnline(),
                step.maxOpenContacts(),
                () -> ctx.inbox().directory().nextRoundRobinTicket(ws, rotation),
                agentId -> ctx.inbox().contacts().openContactsOf(ws, agentId));
        details.put("logic", step.logic().name().toLowerCase());
        details.put("onlyOnline", String.valueOf(step.onlyOnline()));
        details.put("eligible", String.join(",", choice.eligible()));
        if (!choice.openContacts().isEmpty()) {
            details.put("openContacts", choice.openContacts().toString());
        }
        details.put("reason", choice.reason());
        return Optional.ofNullable(choice.found() ? choice.agent().id() : null);
    }
}
