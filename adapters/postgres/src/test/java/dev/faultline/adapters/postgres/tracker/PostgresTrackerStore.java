package dev.faultline.adapters.postgres.tracker;

import dev.faultline.adapters.postgres.JdbiTransactions;
import dev.faultline.adapters.postgres.account.PostgresUsers;
import dev.faultline.adapters.postgres.testing.TestDatabase;

/** Every tracker repository on one test database. */
final class PostgresTrackerStore {
    final PostgresUsers users;
    final PostgresApplications applications;
    final PostgresMemberships memberships;
    final PostgresIssues issues;
    final PostgresEvents events;
    final PostgresNotes notes;
    final PostgresIssueActivities activities;
    final PostgresIssueTallies tallies;
    final JdbiTransactions transactions;

    PostgresTrackerStore(TestDatabase db) {
        users = new PostgresUsers(db.jdbi());
        applications = new PostgresApplications(db.jdbi());
        memberships = new PostgresMemberships(db.jdbi());
        issues = new PostgresIssues(db.jdbi());
        events = new PostgresEvents(db.jdbi());
        notes = new PostgresNotes(db.jdbi());
        activities = new PostgresIssueActivities(db.jdbi());
        tallies = new PostgresIssueTallies(db.jdbi());
        transactions = db.transactions();
    }
}
