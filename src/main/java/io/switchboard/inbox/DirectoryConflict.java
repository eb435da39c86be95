package io.switchboard.inbox;

/** A directory edit that cannot be made as asked: the id is taken, or a member is not a user. */
public class DirectoryConflict extends RuntimeException {

    /** Index in the member list of the user that does not exist; -1 when the id is taken. */
    private final int memberIndex;

    private DirectoryConflict(String message, int memberIndex) {
        super(message);
        this.memberIndex = memberIndex;
    }

    public static DirectoryConflict taken(String what) {
        return new DirectoryConflict(what + " already exists", -1);
    }

    public static DirectoryConflict unknownMember(int index, String userId) {
        return new DirectoryConflict("no user " + userId, index);
    }

    public boolean isUnknownMember() {
        return memberIndex >= 0;
    }

    public int memberIndex() {
        return memberIndex;
    }
}
