/** In-memory account repositories: thread-safe maps keeping the contracts of the account ports. */
package dev.faultline.adapters.inmemory.account;
