package io.switchboard.support;

/** Workflow documents the scenarios publish, written as a user would write them. */
public final class Workflows {

    private Workflows() {
    }

    /** The seed's "How to Promptly Transfer Conversation Between Agents", with the given people and wait. */
    public static String promptTransfer(String firstAgent, String team, String logic, String wait) {
        return """
            {
              "name": "Promptly transfer conversations between agents",
              "trigger": {"type": "conversation_opened",
                          "conditions": [{"category": "source", "operator": "is_equal_to", "value": "contact"}]},
              "steps": [
                {"id": "assign-first", "type": "assign_to", "action": "user", "userId": "%s"},
                {"id": "wait", "type": "wait", "duration": "%s"},
                {"id": "check-reply", "type": "branch",
                 "branches": [{"name": "Still open, no reply", "match": "all",
                   "conditions": [
                     {"category": "contact_field", "field": "conversation_status", "operator": "is_equal_to", "value": "open"},
                     {"category": "time_since_last_outgoing_message", "operator": "does_not_exist"}],
                   "steps": [
                     {"id": "reassign", "type": "assign_to", "action": "team", "teamId": "%s", "logic": "%s", "onlyOnline": true},
                     {"id": "note", "type": "add_comment",
                      "text": "Reassigned $contact.name from $conversation.previous_assignee to $conversation.assignee"}]}],
                 "else": []}
              ]
            }
            """.formatted(firstAgent, wait, team, logic);
    }

    /**
     * The inbox recipe "close idle conversations": an hour after a conversation opens, if the contact
     * has been quiet for 59 minutes, a comment ({@code note}) and the close.
     */
    public static String closeIdle(String note) {
        return """
            {"name": "Close idle conversations",
             "trigger": {"type": "conversation_opened"},
             "steps": [
               {"id": "wait", "type": "wait", "duration": "PT1H"},
               {"id": "idle", "type": "branch", "branches": [{"name": "Idle", "conditions": [
                   {"category": "time_since_last_incoming_message", "operator": "is_greater_than", "value": "PT59M"}],
                 "steps": [
                   {"id": "note", "type": "add_comment", "text": "%s"},
                   {"id": "close", "type": "close_conversation", "category": "No response", "summary": "Idle for an hour"}]}]}]}
            """.formatted(note);
    }

    /** Assigns every contact-opened conversation to the team. */
    public static String assignToTeam(String team, String logic, boolean onlyOnline) {
        return """
            {
              "name": "Distribute new conversations",
              "trigger": {"type": "conversation_opened"},
              "steps": [{"id": "distribute", "type": "assign_to", "action": "team", "teamId": "%s", "logic": "%s", "onlyOnline": %s}]
            }
            """.formatted(team, logic, onlyOnline);
    }
}
