package io.switchboard.function;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.function.http.Routes;
import io.switchboard.ops.HttpMetrics;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The whole HTTP surface, one table shared by every transport. */
public class ApiRoutes {

    @Produces
    @Singleton
    Routes routes(AdminEndpoints admin, ChannelEndpoints channels, DirectoryEndpoints directory,
            WorkflowEndpoints workflows, ContactEndpoints contacts, ContactProfileEndpoints profiles, ManualTriggerEndpoints manual,
            RunEndpoints runs, WorkspaceSettingsEndpoints settings,
            PlatformWebhookEndpoints platformWebhooks, AiSettingsEndpoints ai,
            IntegrationEndpoints integrations, TemplateEndpoints templates,
            IncomingWebhookEndpoints incomingWebhooks, ShortcutEndpoints shortcuts, MeterRegistry meters) {
        Routes routes = new Routes();
        routes.listen(new HttpMetrics(meters));
        admin.register(routes);
        channels.register(routes);
        platformWebhooks.register(routes);
        directory.register(routes);
        workflows.register(routes);
        contacts.register(routes);
        profiles.register(routes);
        manual.register(routes);
        runs.register(routes);
        settings.register(routes);
        ai.register(routes);
        integrations.register(routes);
        templates.register(routes);
        incomingWebhooks.register(routes);
        shortcuts.register(routes);
        return routes;
    }
}
