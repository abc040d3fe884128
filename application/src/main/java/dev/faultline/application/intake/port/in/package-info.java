/**
 * Inbound ports of the intake context: SDKs' crash reports getting in. Authenticating an ingest key names an
 * application, never a person; storing an event needs no actor because the key already decided where it goes.
 * Managing keys is an owner's act and carries the actor like every tracker command.
 */
package dev.faultline.application.intake.port.in;
