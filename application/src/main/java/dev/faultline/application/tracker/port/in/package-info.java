/**
 * Inbound ports of the tracker context: one interface per intent, with its command (a record that validates
 * in its constructor, throwing {@link dev.faultline.domain.shared.InvalidValue} naming the bad field) and its
 * outcomes (a sealed interface of records). Every command names the acting user; anything belonging to an
 * application the actor is not a member of is reported exactly like something that does not exist.
 */
package dev.faultline.application.tracker.port.in;
