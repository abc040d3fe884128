package dev.faultline.adapters.inmemory.tracker;

import dev.faultline.adapters.inmemory.InMemoryTransactions;
import dev.faultline.adapters.inmemory.account.InMemoryUsers;

/** One fresh set of in-memory repositories per test. */
final class InMemoryTrackerStore {
    final InMemoryUsers users = new InMemoryUsers();
    final InMemoryApplications applications = new InMemoryApplications();
    final InMemoryMemberships memberships = new InMemoryMemberships();
    final InMemoryIssues issues = new InMemoryIssues();
    final InMemoryEvents events = new InMemoryEvents();
    final InMemoryNotes notes = new InMemoryNotes();
    final InMemoryIssueActivities activities = new InMemoryIssueActivities();
    final InMemoryIssueTallies tallies = new InMemoryIssueTallies();
    final InMemoryTransactions transactions = new InMemoryTransactions();
}
