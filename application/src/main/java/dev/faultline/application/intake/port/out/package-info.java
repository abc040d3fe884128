/**
 * Outbound ports of the intake context. What every adapter promises (the contract suites in this module's test
 * jar check it):
 * <ul>
 *   <li>Every application has exactly one ingest id from the moment it is stored: positive, unique, never
 *       reused for another application and never changed ({@link dev.faultline.application.intake.port.out.IngestIds}).</li>
 *   <li>A public ingest key is unique across all applications; {@code add} of a key whose public key or id is
 *       taken answers {@code KEY_TAKEN} and changes nothing, never an exception.</li>
 *   <li>An application's keys list in creation order (created-at, then id as an unsigned 128-bit number).</li>
 *   <li>Deleting an application removes its keys (cascade). Times come back exactly as stored.</li>
 *   <li>An SDK event id is claimed atomically per application: the second claim of one answers the event that
 *       holds it and stores nothing. Each issue keeps the grouping that opened it.</li>
 * </ul>
 */
package dev.faultline.application.intake.port.out;
