package io.switchboard.engine.step.updatecontacttag;

import io.switchboard.engine.step.StepContext;
import io.switchboard.engine.step.StepHandler;
import io.switchboard.engine.step.StepResult;

import io.switchboard.engine.workflow.ContactEvents;
import io.switchboard.inbox.ContactStore.TagsChange;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Changes the contact's tags; each tag actually added or removed fires Contact Tag Updated (source workflow). */
public final class UpdateContactTagHandler implements StepHandler<UpdateContactTagStep> {

    @Override
    public StepResult run(UpdateContactTagStep step, StepContext ctx) {
        Set<String> tags = new LinkedHashSet<>(step.tags());
        boolean add = step.action() == UpdateContactTagStep.Action.ADD;
        TagsChange change = ctx.inbox().contacts().changeTags(ctx.run().workspaceId(), ctx.run().contactId(),
                add ? tags : Set.of(), add ? Set.of() : tags, ctx.effectKey(), ctx.now());
        ctx.contactChanged(change.contact());
        ContactEvents.of(ctx.run().workspaceId(), change, ctx.effectKey(), "workflow", ctx.now()).forEach(ctx::fire);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("action", add ? "add" : "remove");
        details.put("tags", String.join(",", step.tags()));
        details.put("changed", String.join(",", add ? change.added() : change.removed()));
        String outcome = !change.changedSomething() ? "tags unchanged"
                : (add ? "added " + change.added() : "removed " + change.removed());
        return StepResult.changed(outcome, details);
    }
}
