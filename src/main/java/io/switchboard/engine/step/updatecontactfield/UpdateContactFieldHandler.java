package io.switchboard.engine.step.updatecontactfield;

import io.switchboard.engine.step.StepContext;
import io.switchboard.engine.step.StepHandler;
import io.switchboard.engine.step.StepResult;
import io.switchboard.engine.step.Variables;

import io.switchboard.engine.workflow.ContactEvents;
import io.switchboard.inbox.ContactStore.FieldsChange;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Sets the contact field; a changed value fires Contact Field Updated (source workflow). */
public final class UpdateContactFieldHandler implements StepHandler<UpdateContactFieldStep> {

    @Override
    public StepResult run(UpdateContactFieldStep step, StepContext ctx) {
        String value = Variables.of(ctx).renderValue(step.value());
        Map<String, String> values = new HashMap<>();
        values.put(step.field(), value.isEmpty() ? null : value);
        FieldsChange change = ctx.inbox().contacts().changeFields(ctx.run().workspaceId(), ctx.run().contactId(),
                values, ctx.effectKey(), ctx.now());
        ctx.contactChanged(change.contact());
        ContactEvents.of(ctx.run().workspaceId(), change, ctx.effectKey(), "workflow", ctx.now()).forEach(ctx::fire);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("field", step.field());
        details.put("value", value);
        String outcome = change.changed().isEmpty() ? "field " + step.field() + " unchanged"
                : value.isEmpty() ? "field " + step.field() + " cleared"
                : "field " + step.field() + " set to \"" + value + "\"";
        return StepResult.changed(outcome, details);
    }
}
