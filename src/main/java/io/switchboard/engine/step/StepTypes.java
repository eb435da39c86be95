package io.switchboard.engine.step;

import io.switchboard.engine.step.addcomment.AddCommentType;
import io.switchboard.engine.step.addgooglesheetsrow.AddGoogleSheetsRowType;
import io.switchboard.engine.step.aiagent.AiAgentType;
import io.switchboard.engine.step.askquestion.AskQuestionType;
import io.switchboard.engine.step.assignto.AssignToType;
import io.switchboard.engine.step.branch.BranchType;
import io.switchboard.engine.step.closeconversation.CloseConversationType;
import io.switchboard.engine.step.datetime.DateTimeType;
import io.switchboard.engine.step.httprequest.HttpRequestType;
import io.switchboard.engine.step.jumpto.JumpToType;
import io.switchboard.engine.step.openconversation.OpenConversationType;
import io.switchboard.engine.step.sendmessage.SendMessageType;
import io.switchboard.engine.step.triggerworkflow.TriggerWorkflowType;
import io.switchboard.engine.step.updatecontactfield.UpdateContactFieldType;
import io.switchboard.engine.step.updatecontacttag.UpdateContactTagType;
import io.switchboard.engine.step.wait.WaitType;
import io.switchboard.engine.workflow.Step;
import io.switchboard.engine.workflow.WorkflowDefinition;
import io.switchboard.engine.workflow.WorkflowWalk;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The step registry: every step type the product runs, one line each. The parser, the served JSON
 * Schema, the handler lookup and the variables a workflow may read all derive from it, so a new step
 * type is its folder plus one line here.
 */
public final class StepTypes {

    public static final StepTypes STANDARD = new StepTypes(List.of(
            new AssignToType(),
            new WaitType(),
            new BranchType(),
            new AddCommentType(),
            new CloseConversationType(),
            new UpdateContactTagType(),
            new UpdateContactFieldType(),
            new OpenConversationType(),
            new TriggerWorkflowType(),
            new JumpToType(),
            new DateTimeType(),
            new SendMessageType(),
            new HttpRequestType(),
            new AskQuestionType(),
            new AiAgentType(),
            new AddGoogleSheetsRowType()));

    private final List<StepType<?>> types;
    private final Map<String, StepType<?>> byName = new LinkedHashMap<>();
    private final Map<Class<?>, StepType<?>> byClass = new LinkedHashMap<>();

    public StepTypes(List<StepType<?>> types) {
        this.types = List.copyOf(types);
        for (StepType<?> type : types) {
            if (byName.put(type.name(), type) != null || byClass.put(type.stepClass(), type) != null) {
                throw new IllegalArgumentException("step type " + type.name() + " is registered twice");
            }
        }
    }

    /** This registry with one more type. */
    public StepTypes with(StepType<?> type) {
        List<StepType<?>> more = new ArrayList<>(types);
        more.add(type);
        return new StepTypes(more);
    }

    public List<StepType<?>> all() {
        return types;
    }

    public Optional<StepType<?>> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    @SuppressWarnings("unchecked")
    public <S extends Step> StepType<S> of(S step) {
        StepType<S> type = (StepType<S>) byClass.get(step.getClass());
        if (type == null) {
            throw new IllegalStateException("step type " + step.type() + " is not registered");
        }
        return type;
    }

    /** Runs the step with its type's handler, once its ports are there. */
    public StepResult run(Step step, StepContext ctx) {
        StepType<Step> type = of(step);
        for (Class<?> port : type.ports()) {
            if (!ctx.inbox().has(port)) {
                throw new IllegalStateException("step type " + type.name() + " needs " + port.getSimpleName()
                        + ", which this engine was built without");
            }
        }
        return type.handler().run(step, ctx);
    }

    /** Whether the step's type may go without a checkpoint right after it ({@link StepType#repeatsHarmlessly()}). */
    public boolean repeatsHarmlessly(Step step) {
        return of(step).repeatsHarmlessly();
    }

    /** Whether a wake-up may run the step before claiming its run ({@link StepType#holdsItsWrites()}). */
    public boolean holdsItsWrites(Step step) {
        return of(step).holdsItsWrites();
    }

    /** Every step's publish check, wherever the step sits in the workflow. */
    public void checkOnPublish(WorkflowDefinition workflow, PublishContext publish) {
        for (WorkflowWalk.Placed placed : WorkflowWalk.of(workflow)) {
            StepType<Step> type = of(placed.step());
            type.checkOnPublish(placed.step(), placed.path(), publish);
        }
    }

    /** The namespaces of run variables steps write, which $variables may read ({@code http}, {@code answer}, ...). */
    public Set<String> variableNamespaces() {
        Set<String> namespaces = new TreeSet<>();
        types.forEach(t -> namespaces.addAll(t.variableNamespaces()));
        return namespaces;
    }
}
