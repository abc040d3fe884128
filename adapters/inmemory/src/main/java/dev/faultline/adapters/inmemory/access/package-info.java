/** In-memory repositories of the access context. */
package dev.faultline.adapters.inmemory.access;
