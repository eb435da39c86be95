package io.switchboard.engine.step.updatecontactfield;

import io.switchboard.engine.workflow.Step;

/**
 * Update Contact Field: sets one field to a value that may hold dynamic variables; a value that
 * renders empty clears the field.
 */
public record UpdateContactFieldStep(String id, String field, String value) implements Step {

    @Override
    public String type() {
        return UpdateContactFieldType.NAME;
    }
}
