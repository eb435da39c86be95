package io.switchboard.function;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import io.switchboard.channel.CredentialCipher;
import io.switchboard.config.Stores;
import io.switchboard.config.SwitchboardConfig;
import io.switchboard.inbox.Agent;
import io.switchboard.inbox.Team;
import io.switchboard.workspace.Channel;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * With {@code switchboard.demo=true}, seeds a workspace to try the headline scenario by hand: three
 * agents (Carol offline), the Support team, a custom channel, and the published prompt-transfer
 * workflow with a one-minute wait. Seeds once; later starts find it on disk.
 */
@Singleton
public class DemoWorkspace {

    public static final String WORKSPACE = "demo";
    public static final String API_KEY = "demo-api-key-0123456789abcdef";
    public static final String CHANNEL = "demo-channel";
    public static final String CHANNEL_SECRET = "demo-channel-secret";
    private static final Logger LOG = Logger.getLogger(DemoWorkspace.class);

    void seed(@Observes StartupEvent start, SwitchboardConfig config, Stores stores, ObjectMapper json, Clock clock)
            throws IOException {
        if (!config.demo() || !stores.workspaces().create(WORKSPACE, "Demo", API_KEY, clock.instant())) {
            return;
        }
        String secret = config.secretsKey().map(k -> new CredentialCipher(k).seal(CHANNEL, CHANNEL_SECRET))
                .orElse(CHANNEL_SECRET);
        stores.workspaces().addChannel(new Channel(CHANNEL, WORKSPACE, "custom", "Demo web chat", secret));
        stores.directory().addAgent(WORKSPACE, new Agent("alice", "Alice", "alice@example.com", true));
        stores.directory().addAgent(WORKSPACE, new Agent("bob", "Bob", "bob@example.com", true));
        stores.directory().addAgent(WORKSPACE, new Agent("carol", "Carol", "carol@example.com", false));
        stores.directory().addTeam(WORKSPACE, new Team("support", "Support", List.of("alice", "bob", "carol")));
        try (InputStream in = DemoWorkspace.class.getResourceAsStream("/demo/prompt-transfer.json")) {
            stores.workflows().saveDraft(WORKSPACE, "prompt-transfer", json.readTree(in), 0, clock.instant());
        }
        stores.workflows().register(WORKSPACE, "prompt-transfer");
        stores.workflows().publish(WORKSPACE, "prompt-transfer", clock.instant());
        LOG.infof("demo workspace seeded: API key %s, channel %s (secret %s)", API_KEY, CHANNEL, CHANNEL_SECRET);
    }
}
