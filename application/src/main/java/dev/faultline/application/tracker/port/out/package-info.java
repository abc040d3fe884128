/**
 * Outbound ports of the tracker context, one collection-like repository per aggregate. What every adapter
 * promises (the contract suites in this module's test jar check it):
 * <ul>
 *   <li>Uniqueness is enforced atomically by {@code add}: application slugs, one membership per
 *       (application, user), one issue per (application, fingerprint). A losing concurrent insert gets the
 *       "taken" answer, never an exception.</li>
 *   <li>{@code lock...} methods read an issue and hold it against concurrent writers until the surrounding
 *       {@link dev.faultline.application.shared.Transactions unit of work} ends, so read-change-update of one
 *       issue (event counts!) never loses an update. Call them only inside a unit of work.</li>
 *   <li>Orders are total and stable: issues by {@link dev.faultline.domain.tracker.IssueSort} (key descending,
 *       then id descending as an unsigned 128-bit number, like PostgreSQL's {@code uuid}); events by
 *       occurred-at descending then id descending; notes by created-at ascending then id ascending;
 *       applications by name then id. Keyset positions are exclusive: the page starts strictly after them.</li>
 *   <li>Times come back exactly as stored (the domain keeps them to the microsecond).</li>
 *   <li>Deleting an application removes its memberships, issues, events and notes (cascade).</li>
 * </ul>
 */
package dev.faultline.application.tracker.port.out;
