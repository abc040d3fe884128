/** The in-memory backend as one {@link dev.faultline.application.storage.Storage}. */
package dev.faultline.adapters.inmemory.storage;
