package io.switchboard.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The private-target guard and the JSON path reader of HTTP Request, without a network. */
class TargetGuardTest {

    @Test
    void refusesPrivateLinkLocalLoopbackUnspecifiedAndMulticastAddressesAndOtherSchemes() {
        for (String url : new String[] {"http://127.0.0.1/", "http://10.1.2.3/", "http://172.16.0.1/",
                "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data", "http://0.0.0.0/",
                "http://224.0.0.1/", "http://[::1]/", "http://[fe80::1]/", "http://[fd00::1]/", "http://[::]/"}) {
            assertTrue(TargetGuard.refusal(URI.create(url), false).isPresent(), url);
        }
        assertTrue(TargetGuard.refusal(URI.create("file:///etc/passwd"), true).orElseThrow().contains("http"));
        assertTrue(TargetGuard.refusal(URI.create("ftp://8.8.8.8/"), false).isPresent());
        assertEquals(Optional.empty(), TargetGuard.refusal(URI.create("https://8.8.8.8/"), false));
        assertEquals(Optional.empty(), TargetGuard.refusal(URI.create("http://127.0.0.1/"), true));
    }

    @Test
    void readsDottedPathsWithIndexes() throws Exception {
        var json = new ObjectMapper().readTree("{\"customer\": {\"tier\": \"gold\", \"score\": 7,"
                + " \"orders\": [{\"id\": \"o-1\"}, {\"id\": \"o-2\"}], \"note\": null}}");
        assertEquals(Optional.of("gold"), JsonPaths.read(json, "$.customer.tier"));
        assertEquals(Optional.of("7"), JsonPaths.read(json, "$.customer.score"));
        assertEquals(Optional.of("o-2"), JsonPaths.read(json, "$.customer.orders[1].id"));
        assertEquals(Optional.empty(), JsonPaths.read(json, "$.customer.orders[5].id"));
        assertEquals(Optional.empty(), JsonPaths.read(json, "$.customer.note"));
        assertEquals(Optional.of("{\"id\":\"o-1\"}"), JsonPaths.read(json, "$.customer.orders[0]"));
    }
}
