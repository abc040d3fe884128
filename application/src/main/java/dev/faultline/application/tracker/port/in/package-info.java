/**
 * Inbound ports of the tracker context: one interface per intent, with its command (a record that validates
 * in its constructor, throwing {@link dev.faultline.domain.shared.InvalidValue} naming the bad field) and its
 * outcomes (a sealed interface of records). Every command names its actor: the person, and what this call may do
 * ({@link dev.faultline.domain.tracker.Actor}). Every use case refuses an actor without the {@code REQUIRES}
 * permission its port declares as {@code NotPermitted}, before it looks at anything, and resolves the references
 * a person gives (an application by id or slug, a member by id or e-mail address) itself, so a surface passes
 * them on as given. Anything belonging to an application the actor is not a member of is reported exactly like
 * something that does not exist.
 */
package dev.faultline.application.tracker.port.in;
