package io.switchboard.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.inbox.Agent;
import io.switchboard.inbox.Page;
import io.switchboard.inbox.Team;
import io.switchboard.support.DynamoDbLocalResource;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The directory as items on DynamoDB Local at the size of a large workspace (5,000 agents, 500 teams:
 * several times what one 400 KB item held), and under concurrent edits: status changes of different
 * agents never conflict, and concurrent edits of the same agent all land without an error.
 */
class DirectoryAtScaleTest {

    final AtomicInteger requests = new AtomicInteger();
    final DynamoDbClient db = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create())
            .endpointOverride(URI.create(DynamoDbLocalResource.endpoint())).region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                @Override
                public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                    requests.incrementAndGet();
                }
            })).build();
    final String table = "dir-" + System.nanoTime();
    final DynamoDirectoryStore store;
    final ExecutorService pool = Executors.newFixedThreadPool(8);

    DirectoryAtScaleTest() {
        Table.createIfMissing(db, table);
        store = new DynamoDirectoryStore(db, table, new LocalTable().json);
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    static String agentId(int i) {
        return String.format("agent-%04d", i);
    }

    void inParallel(int count, java.util.function.IntConsumer task) throws Exception {
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            work.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    task.accept(i);
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
    }

    @Test
    void aWorkspaceOf5000AgentsAnd500TeamsIsStoredListedAndChosenFromInOneRead() throws Exception {
        long started = System.nanoTime();
        inParallel(5000, i -> store.addAgent("big", new Agent(agentId(i), "Agent " + i, "agent" + i + "@example.com",
                i % 3 != 0)));
        // 500 teams of 10; and one team of 1,000, larger than a transaction holds
        inParallel(500, t -> store.addTeam("big", new Team(String.format("team-%03d", t), "Team " + t,
                IntStream.range(t * 10, t * 10 + 10).mapToObj(DirectoryAtScaleTest::agentId).toList())));
        List<String> thousand = IntStream.range(0, 1000).mapToObj(i -> agentId(999 - i)).toList();
        store.addTeam("big", new Team("all-hands", "All hands", thousand));
        System.out.printf("directory: 5,000 agents and 501 teams stored in %.1f s%n", (System.nanoTime() - started) / 1e9);

        Set<String> listed = new HashSet<>();
        String after = null;
        int pages = 0;
        do {
            Page<Agent> page = store.agents("big", after, 1000);
            page.items().forEach(a -> listed.add(a.id()));
            after = page.next();
            pages++;
        } while (after != null);
        assertEquals(5000, listed.size(), "every agent listed once, page by page");
        assertTrue(pages <= 6, pages + " pages");
        int teams = 0;
        after = null;
        do {
            Page<Team> page = store.teams("big", after, 100);
            teams += page.items().size();
            after = page.next();
        } while (after != null);
        assertEquals(501, teams);

        requests.set(0);
        List<Agent> members = store.members("big", "team-042").orElseThrow();
        assertEquals(1, requests.get(), "a team's members with their status: one request");
        assertEquals(IntStream.range(420, 430).mapToObj(DirectoryAtScaleTest::agentId).toList(),
                members.stream().map(Agent::id).toList());
        assertEquals(IntStream.range(420, 430).mapToObj(i -> i % 3 != 0).toList(),
                members.stream().map(Agent::online).toList());
        List<Agent> allHands = store.members("big", "all-hands").orElseThrow();
        assertEquals(thousand, allHands.stream().map(Agent::id).toList(), "in team order, not id order");

        // agent 420 is offline, in team-042 and all-hands; coming online shows in both member lists
        assertEquals(List.of("all-hands", "team-042"), store.setOnline("big", agentId(420), true).orElseThrow().teams());
        assertTrue(store.members("big", "team-042").orElseThrow().get(0).online());
        assertTrue(store.members("big", "all-hands").orElseThrow().get(999 - 420).online());

        // shrinking the large team drops the team from the leavers' sets
        store.setMembers("big", "all-hands", thousand.subList(0, 10));
        assertEquals(10, store.members("big", "all-hands").orElseThrow().size());
        assertEquals(List.of("team-042"), store.setOnline("big", agentId(420), false).orElseThrow().teams());
    }

    @Test
    void concurrentStatusChangesOfDifferentAgentsAllLandAndTheTeamsAgree() throws Exception {
        for (int i = 0; i < 24; i++) {
            store.addAgent("busy", new Agent(agentId(i), "Agent " + i, null, false));
        }
        List<String> everyone = IntStream.range(0, 24).mapToObj(DirectoryAtScaleTest::agentId).toList();
        store.addTeam("busy", new Team("support", "Support", everyone));
        store.addTeam("busy", new Team("sales", "Sales", everyone.subList(0, 12)));
        AtomicInteger failed = new AtomicInteger();
        // each of 24 agents goes online, offline, online: 72 concurrent changes sharing both teams
        inParallel(72, k -> {
            try {
                store.setOnline("busy", agentId(k % 24), k / 24 != 1);
            } catch (RuntimeException e) {
                failed.incrementAndGet();
            }
        });
        assertEquals(0, failed.get(), "no status change failed");
        for (String team : List.of("support", "sales")) {
            for (Agent member : store.members("busy", team).orElseThrow()) {
                assertEquals(store.agent("busy", member.id()).orElseThrow().online(), member.online(),
                        member.id() + " in " + team + " shows the agent's status");
            }
        }
    }

    @Test
    void concurrentEditsOfTheSameAgentAllLandAndTheLastOneIsWhatTheTeamsShow() throws Exception {
        store.addAgent("same", new Agent("alice", "Alice", null, false));
        store.addAgent("same", new Agent("bob", "Bob", null, true));
        store.addTeam("same", new Team("support", "Support", List.of("alice", "bob")));
        store.addTeam("same", new Team("sales", "Sales", List.of("alice")));
        AtomicInteger failed = new AtomicInteger();
        // 40 toggles of Alice at once, while her team memberships change under them
        inParallel(40, k -> {
            try {
                if (k % 10 == 5) {
                    store.setMembers("same", "sales", k % 20 == 5 ? List.of("bob", "alice") : List.of("alice", "bob"));
                } else {
                    store.setOnline("same", "alice", k % 2 == 0);
                }
            } catch (RuntimeException e) {
                failed.incrementAndGet();
            }
        });
        assertEquals(0, failed.get(), "no edit failed");
        boolean online = store.agent("same", "alice").orElseThrow().online();
        for (String team : List.of("support", "sales")) {
            Agent copy = store.members("same", team).orElseThrow().stream().filter(a -> a.id().equals("alice"))
                    .findFirst().orElseThrow();
            assertEquals(online, copy.online(), "alice in " + team + " shows her last status");
        }
    }

    @Test
    void aDirectoryStoredAsOneDocumentIsMovedToItemsOnFirstUseAndKeepsWorking() {
        String doc = """
            {"agents":{"alice":{"id":"alice","name":"Alice","email":"alice@example.com","online":true},
                       "bob":{"id":"bob","name":"Bob","email":null,"online":false}},
             "teams":{"support":{"id":"support","name":"Support","memberIds":["bob","alice"]}},
             "version":3}
            """;
        db.putItem(b -> b.tableName(table).item(Map.of("pk", Attr.s("WS#old"), "sk", Attr.s("DIRECTORY"),
                "doc", Attr.s(doc), "version", Attr.n(3))));
        assertEquals(0, store.nextRoundRobinTicket("old", "support"));

        assertEquals(List.of(new Agent("bob", "Bob", null, false), new Agent("alice", "Alice", "alice@example.com", true)),
                store.members("old", "support").orElseThrow(), "read through the move, in team order");
        assertTrue(db.getItem(b -> b.tableName(table).key(Attr.key("WS#old", "DIRECTORY"))).item().isEmpty(),
                "the old document is gone once moved");
        assertEquals(List.of("alice", "bob"), store.agents("old", null, 10).items().stream().map(Agent::id).toList());
        assertEquals(List.of("support"), store.setOnline("old", "bob", true).orElseThrow().teams());
        assertTrue(store.members("old", "support").orElseThrow().get(0).online());
        assertEquals(1, store.nextRoundRobinTicket("old", "support"), "the rotation carries on");
    }

    @Test
    void aDirectoryStoredAsOneDocumentIsMovedBeforeTheFirstWrite() {
        db.putItem(b -> b.tableName(table).item(Map.of("pk", Attr.s("WS#old2"), "sk", Attr.s("DIRECTORY"),
                "doc", Attr.s("{\"agents\":{\"alice\":{\"id\":\"alice\",\"name\":\"Alice\",\"online\":true}},"
                        + "\"teams\":{},\"version\":1}"), "version", Attr.n(1))));
        org.junit.jupiter.api.Assertions.assertThrows(io.switchboard.inbox.DirectoryConflict.class,
                () -> store.addAgent("old2", new Agent("alice", "Other Alice", null, false)),
                "alice exists in the old document: not overwritten");
        store.addAgent("old2", new Agent("bob", "Bob", null, true));
        assertEquals(List.of("alice", "bob"), store.agents("old2", null, 10).items().stream().map(Agent::id).toList());
        assertEquals("Alice", store.agent("old2", "alice").orElseThrow().name());
        assertTrue(store.agents("other", null, 10).items().isEmpty(), "workspaces do not see each other's agents");
    }
}
