package io.switchboard.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.inbox.ContactStore.AssignmentChange;
import io.switchboard.inbox.ContactStore.IncomingContact;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ContactStore} does, run against the DynamoDB adapter and the engine tier's
 * in-memory fake alike, so the fake the engine tests rely on cannot drift from the real store.
 */
public abstract class ContactStoreContract {

    protected ContactStore store;
    protected final Instant t0 = Instant.parse("2026-11-24T10:00:00Z");
    protected final IncomingContact ada = new IncomingContact("ada", "Ada");

    /** A new, empty store for each test. */
    protected abstract ContactStore newStore();

    @BeforeEach
    void emptyStore() {
        store = newStore();
    }

    @Test
    void aRepeatedIncomingMessageKeepsTheConversationItOpened() {
        Contact first = store.recordIncoming("ws", ada, "web", t0, "conv-1");
        Contact again = store.recordIncoming("ws", ada, "web", t0, "conv-1");
        Contact later = store.recordIncoming("ws", ada, "web", t0.plusSeconds(60), "conv-2");
        assertEquals("conv-1", first.conversation().id());
        assertEquals("conv-1", again.conversation().id());
        assertEquals("conv-1", later.conversation().id(), "an open conversation absorbs later messages");
        assertEquals(t0.plusSeconds(60), later.conversation().lastIncomingAt());
        assertEquals(t0.plusSeconds(60), store.find("ws", "ada").orElseThrow().conversation().lastIncomingAt());
    }

    @Test
    void eachChannelTheContactWritesFromKeepsItsOwnLastIncomingTimeAndTheLatestIsTheLastInteracted() {
        store.recordIncoming("ws", ada, "whatsapp-1", t0, "conv-1");
        store.recordIncoming("ws", ada, "messenger-1", t0.plusSeconds(60), "conv-2");
        Contact later = store.recordIncoming("ws", ada, "whatsapp-1", t0.plusSeconds(30), "conv-3");

        Contact found = store.find("ws", "ada").orElseThrow();
        assertEquals(Map.of("whatsapp-1", t0.plusSeconds(30), "messenger-1", t0.plusSeconds(60)),
                found.lastIncomingByChannel());
        assertEquals(found.lastIncomingByChannel(), later.lastIncomingByChannel(), "the write returns what it stored");
        assertEquals("messenger-1", found.lastInteractedChannel().orElseThrow());
        assertEquals("whatsapp-1", found.conversation().channelId(), "the open conversation stays where it began");
        assertTrue(found.lastIncomingOn("telegram-1").isEmpty());
        store.changeTags("ws", "ada", Set.of("vip"), Set.of(), "k-tag", t0);
        assertEquals(2, store.find("ws", "ada").orElseThrow().lastIncomingByChannel().size(),
                "other writes keep the channels");
    }

    @Test
    void aMessageAfterCloseOpensANewConversationWithNoOutgoingTimeAndTheSameAssignee() {
        store.recordIncoming("ws", ada, "web", t0, "conv-1");
        store.assign("ws", "ada", "alice", "k1", t0);
        store.recordOutgoing("ws", "ada", t0.plusSeconds(30));
        assertTrue(store.close("ws", "ada", "conv-1", t0.plusSeconds(60)));
        assertFalse(store.close("ws", "ada", "conv-1", t0.plusSeconds(61)), "closing twice changes nothing");
        assertTrue(store.recordOutgoing("ws", "ada", t0.plusSeconds(62)).isEmpty(), "no reply into a closed conversation");

        Contact reopened = store.recordIncoming("ws", ada, "web", t0.plusSeconds(120), "conv-2");
        assertEquals("conv-2", reopened.conversation().id());
        assertEquals(ConversationStatus.OPEN, reopened.conversation().status());
        assertNull(reopened.conversation().lastOutgoingAt());
        assertEquals("alice", reopened.assigneeId(), "contacts stay assigned after close");
        assertEquals(1, store.openContactsOf("ws", "alice"));
    }

    @Test
    void aNewConversationKeepsTheContactsTagsFieldsAndName() {
        store.recordIncoming("ws", ada, "web", t0, "conv-1");
        store.changeTags("ws", "ada", Set.of("vip"), Set.of(), "k-tag", t0);
        store.changeFields("ws", "ada", Map.of("city", "Lisbon"), "k-field", t0);
        store.close("ws", "ada", "conv-1", t0.plusSeconds(10));

        Contact reopened = store.recordIncoming("ws", new IncomingContact("ada", null), "whatsapp", t0.plusSeconds(20),
                "conv-2");
        assertEquals(Set.of("vip"), reopened.tags());
        assertEquals(Map.of("city", "Lisbon"), reopened.fields());
        assertEquals("Ada", reopened.name(), "a message without a name keeps the name the contact has");
        assertEquals("whatsapp", reopened.conversation().channelId());
        assertEquals(OpenedBy.CONTACT, reopened.conversation().openedBy());
        assertEquals(t0.plusSeconds(20), reopened.conversation().openedAt());
    }

    @Test
    void anOpeningLandedWithTheFirstAssignmentOpensAndAssignsAsTheTwoWritesWould() {
        Opening opening = store.prepareOpening("ws", ada, "web", t0, "conv-1", null);
        assertEquals("conv-1", opening.contact().conversation().id());
        assertTrue(opening.contact().hasOpenConversation(), "the steps see the conversation open");
        assertTrue(store.find("ws", "ada").isEmpty(), "nothing is written before it lands");

        AssignmentChange change = opening.landWith("alice", "k1", t0.plusMillis(5));

        assertEquals(new AssignmentChange(null, "alice", true), change);
        Contact found = store.find("ws", "ada").orElseThrow();
        assertEquals("conv-1", found.conversation().id());
        assertTrue(found.hasOpenConversation());
        assertEquals("Ada", found.name());
        assertEquals(Map.of("web", t0), found.lastIncomingByChannel());
        assertEquals("alice", found.assigneeId());
        assertEquals(found, opening.contact(), "the opening holds the contact as written");
        assertEquals(1, store.openContactsOf("ws", "alice"), "filed under the agent's open contacts");
        AssignmentChange repeated = store.assign("ws", "ada", "alice", "k1", t0.plusSeconds(1));
        assertFalse(repeated.applied(), "the assignment's key was written with it: a repeat changes nothing");
        assertEquals(found, store.recordIncoming("ws", ada, "web", t0, "conv-1"), "a redelivery finds it open");
    }

    @Test
    void anOpeningIsRefusedWhenAnotherMessageOpenedAConversationSinceTheRead() {
        Opening opening = store.prepareOpening("ws", ada, "web", t0, "conv-1", null);
        store.recordIncoming("ws", ada, "web", t0.plusMillis(1), "conv-0");

        assertThrows(Opening.Refused.class, () -> opening.landWith("alice", "k1", t0));

        Contact found = store.find("ws", "ada").orElseThrow();
        assertEquals("conv-0", found.conversation().id(), "the other message's conversation stands");
        assertNull(found.assigneeId(), "nothing of the refused opening was written");
        assertEquals(0, store.openContactsOf("ws", "alice"));
    }

    @Test
    void anOpeningLandedAloneKeepsTheAssigneeAndOneLandedWithAnUnassignmentClearsIt() {
        store.recordIncoming("ws", ada, "web", t0, "conv-1");
        store.assign("ws", "ada", "alice", "k1", t0);
        store.close("ws", "ada", "conv-1", t0.plusSeconds(60));
        Contact known = store.find("ws", "ada").orElseThrow();

        Opening alone = store.prepareOpening("ws", ada, "web", t0.plusSeconds(120), "conv-2", known);
        assertEquals("alice", alone.contact().assigneeId());
        Contact landed = alone.land();
        assertEquals("conv-2", landed.conversation().id());
        assertEquals("alice", landed.assigneeId());
        assertEquals(1, store.openContactsOf("ws", "alice"));
        assertEquals(landed, alone.land(), "it lands once");

        store.close("ws", "ada", "conv-2", t0.plusSeconds(180));
        Opening unassigning = store.prepareOpening("ws", ada, "web", t0.plusSeconds(240), "conv-3",
                store.find("ws", "ada").orElseThrow());
        assertEquals(new AssignmentChange("alice", null, true), unassigning.landWith(null, "k2", t0.plusSeconds(240)));
        Contact found = store.find("ws", "ada").orElseThrow();
        assertEquals("conv-3", found.conversation().id());
        assertNull(found.assigneeId());
        assertEquals(0, store.openContactsOf("ws", "alice"));
    }

    @Test
    void aContactFirstSeenWithoutANameIsNamedByItsId() {
        assertEquals("ben", store.recordIncoming("ws", new IncomingContact("ben", null), "web", t0, "conv-b").name());
        assertEquals("Ben", store.recordIncoming("ws", new IncomingContact("ben", "Ben"), "web", t0, "conv-b").name(),
                "a later message with a name renames the contact");
    }

    @Test
    void closingAnotherConversationThanTheOpenOneChangesNothing() {
        store.recordIncoming("ws", ada, "web", t0, "conv-1");
        assertFalse(store.close("ws", "ada", "conv-0", t0));
        assertTrue(store.find("ws", "ada").orElseThrow().hasOpenConversation());
        Contact replied = store.recordOutgoing("ws", "ada", t0.plusSeconds(5)).orElseThrow();
        assertEquals(t0.plusSeconds(5), replied.conversation().lastOutgoingAt());
    }

    @Test
    void aContactCreatedForAWebhookHasNoConversationAndKeepsItsName() {
        Contact created = store.createIfMissing("ws", "cara", "Cara", t0);
        assertEquals("Cara", created.name());
        assertNull(created.conversation());
        assertEquals("Cara", store.createIfMissing("ws", "cara", "Someone else", t0).name());
        assertEquals("dan", store.createIfMissing("ws", "dan", null, t0).name());
        assertTrue(store.recordOutgoing("ws", "cara", t0).isEmpty(), "nothing to reply into");
        assertFalse(store.close("ws", "cara", "conv-x", t0));
        assertTrue(store.find("ws", "nobody").isEmpty());
    }

    @Test
    void anAssignmentWithTheSameKeyIsAppliedOnceAndReportsWhatItReplaced() {
        store.recordIncoming("ws", ada, "web", t0, "conv-1");
        store.assign("ws", "ada", "alice", "first", t0);
        AssignmentChange applied = store.assign("ws", "ada", "bob", "run-1#5", t0);
        AssignmentChange replayed = store.assign("ws", "ada", "carol", "run-1#5", t0);
        assertEquals(new AssignmentChange("alice", "bob", true), applied);
        assertEquals(new AssignmentChange("alice", "bob", false), replayed);
        assertEquals("bob", store.find("ws", "ada").orElseThrow().assigneeId());
    }

    @Test
    void anAssignmentRepeatedAfterAnotherOneChangesNothing() {
        store.recordIncoming("ws", ada, "web", t0, "conv-1");
        store.assign("ws", "ada", "alice", "run-1#2", t0);
        store.assign("ws", "ada", "bob", "api:req-9", t0); // someone reassigned while the run's process was dead

        AssignmentChange repeated = store.assign("ws", "ada", "alice", "run-1#2", t0);

        assertFalse(repeated.applied());
        assertEquals("bob", repeated.assigneeId());
        assertEquals("bob", store.find("ws", "ada").orElseThrow().assigneeId());
    }

    @Test
    void tagAndFieldChangesRepeatedAfterOtherChangesChangeNothingAgain() {
        store.recordIncoming("ws", ada, "web", t0, "conv-1");
        store.changeTags("ws", "ada", Set.of("vip"), Set.of(), "run-1#2", t0);
        store.changeTags("ws", "ada", Set.of(), Set.of("vip"), "api:req-1", t0);
        store.changeFields("ws", "ada", Map.of("city", "Lisbon"), "run-1#3", t0);
        store.changeFields("ws", "ada", Map.of("city", "Porto"), "api:req-2", t0);

        var tags = store.changeTags("ws", "ada", Set.of("vip"), Set.of(), "run-1#2", t0);
        var fields = store.changeFields("ws", "ada", Map.of("city", "Lisbon"), "run-1#3", t0);

        assertEquals(Set.of(), tags.added(), "the tag removed since is not added back");
        assertEquals(Set.of(), tags.contact().tags());
        assertEquals(Map.of(), fields.changed());
        assertEquals("Porto", store.find("ws", "ada").orElseThrow().fields().get("city"));
    }

    @Test
    void anAssignmentAsReadIsMadeWhileTheContactIsAsReadAndRepeatsReportTheFirst() {
        store.recordIncoming("ws", ada, "web", t0, "conv-1");
        store.assign("ws", "ada", "alice", "first", t0);
        Contact read = store.find("ws", "ada").orElseThrow();

        AssignmentChange applied = store.assignAsRead("ws", "ada", "bob", "run-1#5", t0, read, "1.0.0");
        // a second delivery that read the same contact, or a repeat after a crash that read it since
        AssignmentChange twice = store.assignAsRead("ws", "ada", "carol", "run-1#5", t0, read, "1.0.0");
        AssignmentChange afterIt = store.assignAsRead("ws", "ada", "alice", "run-1#5", t0,
                store.find("ws", "ada").orElseThrow(), "1.0.0");

        assertEquals(new AssignmentChange("alice", "bob", true), applied);
        assertEquals(new AssignmentChange("alice", "bob", false), twice, "reports the assignment made first");
        assertEquals(new AssignmentChange("alice", "bob", false), afterIt);
        assertEquals("bob", store.find("ws", "ada").orElseThrow().assigneeId());
        assertEquals(1, store.openContactsOf("ws", "bob"));
        assertEquals(0, store.openContactsOf("ws", "alice"));
    }

    @Test
    void anAssignmentAsReadMarksWhereItsWakeUpGotToAndTheMarkOutlivesTheContactsLaterChanges() {
        store.recordIncoming("ws", ada, "web", t0, "conv-1");
        store.assign("ws", "ada", "alice", "first", t0);
        assertNull(store.find("ws", "ada").orElseThrow().wakeUpMark(), "a plain assignment marks nothing");

        store.assignAsRead("ws", "ada", "bob", "run-1#5", t0, store.find("ws", "ada").orElseThrow(), "1.0.0");
        store.recordOutgoing("ws", "ada", t0.plusSeconds(5)); // Bob replied since
        store.changeTags("ws", "ada", Set.of("vip"), Set.of(), "api:req-1", t0);
        // a repeat changes nothing, the mark included
        store.assignAsRead("ws", "ada", "carol", "run-1#5", t0, store.find("ws", "ada").orElseThrow(), "2.1.0");

        WakeUpMark mark = store.find("ws", "ada").orElseThrow().wakeUpMark();
        assertEquals(new WakeUpMark("run-1#5", "1.0.0"), mark);
        assertEquals(5, mark.sequenceOf("run-1"));
        assertEquals(-1, mark.sequenceOf("run-2"), "another run's mark is not this run's");
        assertEquals(-1, mark.sequenceOf("run"), "a run whose id begins another's");
    }

    @Test
    void anAssignmentAsReadIsRefusedAfterAnyChangeABranchMayHaveDecidedOnSinceTheRead() {
        store.recordIncoming("ws", ada, "web", t0, "conv-1");
        store.assign("ws", "ada", "alice", "first", t0);
        Contact read = store.find("ws", "ada").orElseThrow();

        store.recordOutgoing("ws", "ada", t0.plusSeconds(5)); // Alice replied after the read
        assertThrows(ChangedSinceRead.class, () -> store.assignAsRead("ws", "ada", "bob", "run-1#5", t0, read, "1.0.0"));
        assertEquals("alice", store.find("ws", "ada").orElseThrow().assigneeId(), "nothing written");

        Contact readAgain = store.find("ws", "ada").orElseThrow();
        store.assign("ws", "ada", "carol", "api:req-1", t0); // someone reassigned after the read
        assertThrows(ChangedSinceRead.class, () -> store.assignAsRead("ws", "ada", "bob", "run-1#6", t0, readAgain, "1.0.0"));

        Contact readTags = store.find("ws", "ada").orElseThrow();
        store.changeTags("ws", "ada", Set.of("vip"), Set.of(), "api:req-2", t0); // what a Branch may decide on
        assertThrows(ChangedSinceRead.class, () -> store.assignAsRead("ws", "ada", "bob", "run-1#8", t0, readTags, "1.0.0"));
        Contact readFields = store.find("ws", "ada").orElseThrow();
        store.changeFields("ws", "ada", Map.of("city", "Lisbon"), "api:req-3", t0);
        assertThrows(ChangedSinceRead.class, () -> store.assignAsRead("ws", "ada", "bob", "run-1#9", t0, readFields, "1.0.0"));
        Contact readQuiet = store.find("ws", "ada").orElseThrow();
        store.recordIncoming("ws", ada, "web", t0.plusSeconds(8), "conv-x"); // Ada wrote again since the read
        assertThrows(ChangedSinceRead.class, () -> store.assignAsRead("ws", "ada", "bob", "run-1#10", t0, readQuiet, "1.0.0"));

        Contact readOpen = store.find("ws", "ada").orElseThrow();
        store.close("ws", "ada", "conv-1", t0.plusSeconds(10));
        store.recordIncoming("ws", ada, "web", t0.plusSeconds(20), "conv-2"); // a new conversation since the read
        assertThrows(ChangedSinceRead.class, () -> store.assignAsRead("ws", "ada", "bob", "run-1#7", t0, readOpen, "1.0.0"));
        assertEquals("carol", store.find("ws", "ada").orElseThrow().assigneeId(), "nothing written");
        assertEquals(0, store.openContactsOf("ws", "bob"));
    }

    @Test
    void theFirstAssignmentReportsNoPreviousAssigneeAndUnassigningClearsIt() {
        store.recordIncoming("ws", ada, "web", t0, "conv-1");
        assertEquals(new AssignmentChange(null, "alice", true), store.assign("ws", "ada", "alice", "k1", t0));
        assertEquals(new AssignmentChange(null, "alice", false), store.assign("ws", "ada", "alice", "k1", t0));
        assertEquals(new AssignmentChange("alice", null, true), store.assign("ws", "ada", null, "k2", t0));
        assertNull(store.find("ws", "ada").orElseThrow().assigneeId());
    }

    @Test
    void aContactWithoutAnOpenConversationCanBeAssignedButIsNotOpenLoad() {
        store.createIfMissing("ws", "cara", "Cara", t0);
        assertTrue(store.assign("ws", "cara", "alice", "k1", t0).applied());
        assertEquals("alice", store.find("ws", "cara").orElseThrow().assigneeId());
        assertEquals(0, store.openContactsOf("ws", "alice"));
    }

    @Test
    void writesToAContactThatDoesNotExistAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> store.assign("ws", "nobody", "alice", "k", t0));
        assertThrows(IllegalArgumentException.class, () -> store.changeTags("ws", "nobody", Set.of("a"), Set.of(), "k", t0));
        assertThrows(IllegalArgumentException.class, () -> store.changeFields("ws", "nobody", Map.of("a", "b"), "k", t0));
        assertThrows(IllegalArgumentException.class, () -> store.openConversation("ws", "nobody", "conv", OpenedBy.WORKFLOW, t0));
        assertTrue(store.find("ws", "nobody").isEmpty(), "and none was created");
    }

    @Test
    void openContactsCountOnlyOpenConversationsOfThatAgent() {
        for (String c : new String[] {"c1", "c2", "c3"}) {
            store.recordIncoming("ws", new IncomingContact(c, c), "web", t0, "conv-" + c);
            store.assign("ws", c, "alice", "k-" + c, t0);
        }
        store.close("ws", "c3", "conv-c3", t0);
        store.assign("ws", "c2", "bob", "k2-c2", t0);
        assertEquals(1, store.openContactsOf("ws", "alice"));
        assertEquals(1, store.openContactsOf("ws", "bob"));
        store.assign("ws", "c1", null, "k3-c1", t0);
        assertEquals(0, store.openContactsOf("ws", "alice"));
        assertNotEquals(0, store.openContactsOf("ws", "bob"));
    }

    @Test
    void tagsAndFieldsChangeOnceByEffectKeyAndReportOnlyWhatChanged() {
        store.recordIncoming("ws", ada, "web", t0, "conv-1"); // a contact from a message: no fields attribute yet
        Map<String, String> set = new HashMap<>();
        set.put("city", "Lisbon");
        set.put("tier", null);
        var fields = store.changeFields("ws", "ada", set, "run-1#1", t0);
        assertEquals(Map.of("city", "Lisbon"), fields.changed());
        var replayed = store.changeFields("ws", "ada", Map.of("city", "Porto"), "run-1#1", t0);
        assertEquals(Map.of("city", "Lisbon"), replayed.changed(), "a replay reports the first change");
        assertEquals("Lisbon", store.find("ws", "ada").orElseThrow().fields().get("city"));

        var tags = store.changeTags("ws", "ada", Set.of("vip", "new"), Set.of(), "run-1#2", t0);
        assertEquals(Set.of("new", "vip"), tags.added());
        var again = store.changeTags("ws", "ada", Set.of("vip"), Set.of("new"), "run-1#3", t0);
        assertEquals(Set.of(), again.added());
        assertEquals(Set.of("new"), again.removed());
        assertEquals(Set.of("new"), store.changeTags("ws", "ada", Set.of(), Set.of("vip"),
                "run-1#3", t0).removed(), "a replay reports the first change");
        var none = store.changeTags("ws", "ada", Set.of(), Set.of("vip"), "run-1#4", t0);
        assertEquals(Set.of(), none.contact().tags());
        assertEquals("Lisbon", none.contact().fields().get("city"));
    }

    @Test
    void aFieldSetToNullIsRemovedAndReportedAsRemovedAndAnUnchangedValueIsNotReported() {
        store.recordIncoming("ws", ada, "web", t0, "conv-1");
        store.changeFields("ws", "ada", Map.of("city", "Lisbon", "tier", "gold"), "k1", t0);
        Map<String, String> update = new HashMap<>();
        update.put("city", "Lisbon");
        update.put("tier", null);
        var change = store.changeFields("ws", "ada", update, "k2", t0);
        Map<String, String> removed = new HashMap<>();
        removed.put("tier", null);
        assertEquals(removed, change.changed());
        assertEquals(Map.of("city", "Lisbon"), change.contact().fields());
        assertEquals(removed, store.changeFields("ws", "ada", Map.of("tier", "silver"), "k2", t0).changed(),
                "a replay reports the removal");
        assertEquals(Map.of("city", "Lisbon"), store.find("ws", "ada").orElseThrow().fields());
    }

    @Test
    void aReplayedTagChangeReportsTheContactAsItIsNow() {
        store.recordIncoming("ws", ada, "web", t0, "conv-1");
        store.changeTags("ws", "ada", Set.of("vip"), Set.of(), "k1", t0);
        store.changeFields("ws", "ada", Map.of("city", "Lisbon"), "k2", t0);
        var replayed = store.changeTags("ws", "ada", Set.of("vip"), Set.of(), "k1", t0);
        assertEquals(Set.of("vip"), replayed.added());
        assertEquals(Map.of("city", "Lisbon"), replayed.contact().fields());
        assertTrue(replayed.changedSomething());
    }

    @Test
    void openingAConversationForAContactIsIdempotentAndRefusedWhileOneIsOpen() {
        store.recordIncoming("ws", ada, "web", t0, "conv-1");
        store.assign("ws", "ada", "alice", "k1", t0);
        assertTrue(store.openConversation("ws", "ada", "conv-2", OpenedBy.WORKFLOW, t0).isEmpty());
        store.close("ws", "ada", "conv-1", t0);
        Contact opened = store.openConversation("ws", "ada", "conv-2", OpenedBy.WORKFLOW, t0)
                .orElseThrow();
        assertEquals("conv-2", opened.conversation().id());
        assertEquals("web", opened.conversation().channelId());
        assertTrue(store.openConversation("ws", "ada", "conv-2", OpenedBy.WORKFLOW, t0).isPresent());
        assertEquals(1, store.openContactsOf("ws", "alice"));
    }

    @Test
    void aConversationOpenedByAWorkflowStartsWithoutMessageTimes() {
        store.recordIncoming("ws", ada, "web", t0, "conv-1");
        store.recordOutgoing("ws", "ada", t0.plusSeconds(1));
        store.close("ws", "ada", "conv-1", t0.plusSeconds(2));
        Contact opened = store.openConversation("ws", "ada", "conv-2", OpenedBy.WORKFLOW, t0.plusSeconds(3)).orElseThrow();
        assertEquals(OpenedBy.WORKFLOW, opened.conversation().openedBy());
        assertEquals(t0.plusSeconds(3), opened.conversation().openedAt());
        assertNull(opened.conversation().lastIncomingAt());
        assertNull(opened.conversation().lastOutgoingAt());
        assertNull(opened.conversation().closedAt());
    }

    @Test
    void aRunWaitingForAReplyIsMarkedOnTheContactUntilUnmarkedAndMarkingTwiceIsOneMark() {
        store.recordIncoming("ws", ada, "web", t0, "conv-1");
        store.awaitReply("ws", "ada", "run-1", true);
        store.awaitReply("ws", "ada", "run-1", true);
        store.awaitReply("ws", "ada", "run-2", true);
        assertEquals(Set.of("run-1", "run-2"), store.find("ws", "ada").orElseThrow().awaitingReply());
        assertEquals(Set.of("run-1", "run-2"), store.recordIncoming("ws", ada, "web", t0, "conv-1").awaitingReply(),
                "a message does not clear the marks; the runs it resumes do");
        store.awaitReply("ws", "ada", "run-1", false);
        store.awaitReply("ws", "ada", "run-1", false);
        assertEquals(Set.of("run-2"), store.find("ws", "ada").orElseThrow().awaitingReply());
        store.awaitReply("ws", "nobody", "run-3", true);
        assertTrue(store.find("ws", "nobody").isEmpty(), "marking a contact that does not exist creates none");
    }

    @Test
    void aPlatformIdentityIsLinkedToOneContactAndAddressesItOnThatChannel() {
        store.recordIncoming("ws", ada, "web", t0, "conv-1");
        assertTrue(store.linkedContact("ws", "whatsapp", "351912345678").isEmpty());
        assertTrue(store.link("ws", "ada", "whatsapp", "351912345678"));
        assertTrue(store.link("ws", "ada", "whatsapp", "351912345678"), "linking the same pair again");
        assertFalse(store.link("ws", "ben", "whatsapp", "351912345678"), "the identity belongs to Ada");
        assertEquals("ada", store.linkedContact("ws", "whatsapp", "351912345678").orElseThrow());
        assertEquals("351912345678", store.addressOn("ws", "ada", "whatsapp").orElseThrow());
        assertTrue(store.addressOn("ws", "ada", "telegram").isEmpty());
        assertTrue(store.addressOn("ws", "ben", "whatsapp").isEmpty());
    }
}
