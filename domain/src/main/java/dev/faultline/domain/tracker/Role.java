package dev.faultline.domain.tracker;

/** What a member may do with an application: owners also add members; everyone else reads and triages. */
public enum Role {
    OWNER,
    MEMBER;

    public boolean mayAddMembers() {
        return this == OWNER;
    }
}
