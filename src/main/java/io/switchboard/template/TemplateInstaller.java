package io.switchboard.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.document.Draft;
import io.switchboard.document.InvalidWorkflowException;
import io.switchboard.document.Problem;
import io.switchboard.document.WorkflowLibrary;
import io.switchboard.document.WorkflowParser;
import io.switchboard.inbox.DirectoryStore;
import java.util.List;
import java.util.Optional;

/**
 * Installs a template as a workflow with the user's parameter values, saved and published exactly as
 * a workflow written by hand. Installing again with the same id and the same resulting document changes
 * nothing (a retried request is safe); a different document under that id is a conflict.
 */
public final class TemplateInstaller {

    /** The parameters, or the workflow they make, are invalid: each problem at its path. */
    public static final class InvalidInstall extends RuntimeException {
        private final List<Problem> problems;

        InvalidInstall(String message, List<Problem> problems) {
            super(message + ": " + String.join("; ", problems.stream().map(p -> p.path() + " " + p.message()).toList()));
            this.problems = problems;
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    /** What the user asked for: values by parameter name, an optional name for the workflow. */
    public record Install(String workflowId, String name, JsonNode parameters, boolean publish) {
    }

    public record Installed(String workflowId, Template template, int version, boolean created, ObjectNode document) {
    }

    private final WorkflowLibrary library;
    private final WorkflowParser parser;
    private final DirectoryStore directory;
    private final ObjectMapper json;

    public TemplateInstaller(WorkflowLibrary library, WorkflowParser parser, DirectoryStore directory, ObjectMapper json) {
        this.library = library;
        this.parser = parser;
        this.directory = directory;
        this.json = json;
    }

    public Installed install(String ws, Template template, Install install) {
        TemplateFilling.Filled filled;
        try {
            filled = TemplateFilling.fill(template, install.parameters() != null ? install.parameters()
                    : json.createObjectNode(), io.switchboard.inbox.Directory.of(directory, ws));
        } catch (TemplateFilling.InvalidParameters e) {
            throw new InvalidInstall("parameters for " + template.id() + " are missing or invalid", e.problems());
        }
        ObjectNode document = filled.document();
        if (install.name() != null) {
            document.put("name", install.name());
        }
        String id = install.workflowId();
        try {
            parser.parse(ws, id, 0, document);
        } catch (InvalidWorkflowException e) {
            throw new InvalidInstall("the workflow these parameters make is invalid",
                    e.problems().stream().map(filled::byParameter).toList());
        }
        Optional<Draft> existing = library.findIfAny(ws, id);
        boolean created = false;
        if (existing.isEmpty()) {
            try {
                library.create(ws, id, document);
                created = true;
            } catch (WorkflowLibrary.WorkflowConflict raced) {
                existing = library.findIfAny(ws, id);
            }
        }
        if (!created && !existing.map(d -> d.document().equals(document)).orElse(false)) {
            throw new WorkflowLibrary.WorkflowConflict("workflow " + id + " already exists with another document;"
                    + " choose another workflowId, or change it with PUT /api/v1/workflows/" + id);
        }
        int version = existing.map(Draft::publishedVersion).orElse(0);
        if (install.publish() && version == 0) {
            version = library.publish(ws, id);
        }
        return new Installed(id, template, version, created, document);
    }
}
