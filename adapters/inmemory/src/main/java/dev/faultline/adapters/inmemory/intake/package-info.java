/** In-memory adapters of the intake context's outbound ports. */
package dev.faultline.adapters.inmemory.intake;
