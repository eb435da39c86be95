package io.switchboard.engine.step.addcomment;

import io.switchboard.engine.step.DeclaredStepType;

/** The AddComment step type: its name, record, handler and how its document is read. */
public final class AddCommentType extends DeclaredStepType<AddCommentStep> {

    public static final String NAME = "add_comment";

    public AddCommentType() {
        super(NAME, AddCommentStep.class, new AddCommentHandler(), step -> new AddCommentStep(step.id(),
                step.text("text")));
        repeatsHarmlessly(true); // the comment's key is the effect key: a repeat finds it written
    }
}
