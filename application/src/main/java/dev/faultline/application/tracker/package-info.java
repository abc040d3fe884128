/**
 * Tracker use cases. Every one is scoped to its actor through {@link dev.faultline.application.tracker.MemberScope}:
 * what belongs to an application the actor is not a member of is answered as "not found". Writes that touch
 * an issue lock it inside a unit of work ({@link dev.faultline.application.shared.Transactions}), so concurrent
 * changes (two events arriving at once, a resolve racing an event) never lose an update.
 */
package dev.faultline.application.tracker;
