/** HTTP connection behaviour shared by every endpoint, independent of what the endpoint does. */
package dev.faultline.adapters.http.transport;
