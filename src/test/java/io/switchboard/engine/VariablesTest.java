package io.switchboard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.engine.step.Variables;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Variables with dotted names (a webhook body's nested values), and the ones that stay as written. */
class VariablesTest {

    final Variables variables = new Variables(Map.of("contact.name", "Ada", "trigger.order.id", "A-1",
            "trigger.order.items.0.sku", "TEA-1", "trigger.user", "alice", "trigger.user.name", "Alice"));

    @Test
    void nestedNamesRenderTheirValue() {
        assertEquals("A-1 TEA-1 alice Alice", variables.render("$trigger.order.id $trigger.order.items.0.sku "
                + "$trigger.user $trigger.user.name"));
    }

    @Test
    void theLongestKnownNameWinsAndTheRestStaysAsWritten() {
        assertEquals("Hi Ada. Thanks Ada.Bye", variables.render("Hi $contact.name. Thanks $contact.name.Bye"));
    }

    @Test
    void missingVariablesStayLiteral() {
        assertEquals("$trigger.order.coupon $trigger.missing $nothing.here",
                variables.render("$trigger.order.coupon $trigger.missing $nothing.here"));
    }

    @Test
    void storedValuesRenderMissingVariablesEmptyAndKeepValuesThatStartWithADollar() {
        Variables withPrice = new Variables(Map.of("trigger.price", "$5", "trigger.page", "/pricing"));
        assertEquals("/pricing | ", withPrice.renderValue("$trigger.page | $trigger.coupon"));
        assertEquals("$5", withPrice.renderValue("$trigger.price"));
        assertEquals("$trigger.coupon costs $5", withPrice.render("$trigger.coupon costs $trigger.price"));
    }
}
